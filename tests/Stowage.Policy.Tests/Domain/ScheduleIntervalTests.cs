using Stowage.Contracts.Policies;

namespace Stowage.Policy.Tests.Domain;

public sealed class ScheduleIntervalTests
{
    [Theory]
    [InlineData("45s", 45)]
    [InlineData("30m", 1800)]
    [InlineData("6h", 21600)]
    [InlineData("1d", 86400)]
    public void Parses_a_number_and_a_unit(string text, int seconds)
    {
        Assert.True(ScheduleInterval.TryParse(text, out var interval));
        Assert.Equal(TimeSpan.FromSeconds(seconds), interval);
    }

    [Theory]
    [InlineData("")]
    [InlineData("6")]
    [InlineData("h")]
    [InlineData("6 h")]
    [InlineData("-5m")]
    [InlineData("1s")]
    [InlineData("400d")]
    [InlineData("6w")]
    [InlineData("1.5h")]
    public void Refuses_anything_else(string text) => Assert.False(ScheduleInterval.TryParse(text, out _));
}

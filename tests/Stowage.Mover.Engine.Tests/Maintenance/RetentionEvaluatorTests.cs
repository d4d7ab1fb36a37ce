using Stowage.Mover.Engine.Maintenance;

namespace Stowage.Mover.Engine.Tests.Maintenance;

public sealed class RetentionEvaluatorTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    // One snapshot every 6 hours for 60 days, newest last.
    private static readonly DateTimeOffset[] Times = Enumerable.Range(0, 240).Select(i => Start.AddHours(6 * i)).ToArray();

    [Fact]
    public void Keep_last_keeps_the_newest_n()
    {
        var (keep, remove) = RetentionEvaluator.Apply(Times, t => t, new RetentionPolicy { KeepLast = 3 });

        Assert.Equal(Times[^3..].Reverse(), keep);
        Assert.Equal(237, remove.Count);
    }

    [Fact]
    public void Keep_daily_keeps_the_newest_snapshot_of_each_of_the_last_n_days()
    {
        var (keep, _) = RetentionEvaluator.Apply(Times, t => t, new RetentionPolicy { KeepDaily = 4 });

        Assert.Equal(4, keep.Count);
        Assert.All(keep, t => Assert.Equal(18, t.Hour));
        Assert.Equal(Times[^1].Date, keep[0].Date);
        Assert.Equal(Times[^1].Date.AddDays(-3), keep[3].Date);
    }

    [Fact]
    public void Rules_combine_and_a_snapshot_kept_by_two_rules_is_kept_once()
    {
        var policy = new RetentionPolicy { KeepLast = 2, KeepHourly = 1, KeepDaily = 2, KeepWeekly = 2, KeepMonthly = 2 };

        var (keep, remove) = RetentionEvaluator.Apply(Times, t => t, policy);

        // The newest is Sunday 1 March 18:00. last: the 2 newest; daily adds 28 Feb 18:00 (which also is February's newest
        // for monthly); weekly adds the end of the previous ISO week, Sunday 22 Feb.
        var expected = new[] { Times[^1], Times[^2], new DateTimeOffset(2026, 2, 28, 18, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 2, 22, 18, 0, 0, TimeSpan.Zero) };
        Assert.Equal(expected.OrderDescending(), keep);
        Assert.Equal(Times.Length, keep.Count + remove.Count);
    }

    [Fact]
    public void Empty_policy_is_recognised()
    {
        Assert.True(new RetentionPolicy().IsEmpty);
        Assert.False(new RetentionPolicy { KeepMonthly = 1 }.IsEmpty);
    }
}

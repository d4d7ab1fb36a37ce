using System.Text.Json;
using Stowage.Mover.Engine.Tests.Support;

namespace Stowage.Mover.Engine.Tests.Cli;

public sealed class CliCompressionLevelTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("20")]
    public async Task Init_with_a_level_outside_1_to_19_is_a_usage_error_and_creates_nothing(string level)
    {
        using var temp = new TempDirectory("cli-level");
        Directory.CreateDirectory(temp.Sub("repo"));

        var init = await new MoverCli(temp.Sub("repo")).RunAsync("init", "--compression-level", level);

        Assert.Equal(2, init.ExitCode);
        Assert.Contains("--compression-level", Assert.Single(init.StderrLines), StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(temp.Sub("repo")));
    }

    [Fact]
    public async Task Init_with_level_5_records_it_in_the_config()
    {
        using var temp = new TempDirectory("cli-level");

        await new MoverCli(temp.Sub("repo")).SucceedAsync("init", "--compression-level", "5");

        using var config = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(temp.Sub("repo"), "config")));
        Assert.Equal(5, config.RootElement.GetProperty("config").GetProperty("compressionLevel").GetInt32());
    }
}

using Stowage.Mover.Engine.Tests.Support;

namespace Stowage.Mover.Engine.Tests.Cli;

public sealed class CliUsageTests
{
    [Fact]
    public async Task Unknown_option_exits_2_and_names_it()
    {
        using var temp = new TempDirectory("cli-usage");

        var run = await new MoverCli(temp.Sub("repo")).RunAsync("snapshots", "--no-such-option");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--no-such-option", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_repository_exits_2_and_says_how_to_give_one()
    {
        var run = await MoverCli.RunAsync(new Dictionary<string, string> { ["STOWAGE_PASSWORD"] = MoverCli.Password }, "snapshots");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("STOWAGE_REPOSITORY", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(run.Stdout);
    }

    [Fact]
    public async Task A_memory_budget_that_is_not_a_size_exits_2_and_names_the_option()
    {
        using var temp = new TempDirectory("cli-usage");

        var run = await new MoverCli(temp.Sub("repo")).RunAsync("snapshots", "--memory-budget", "lots");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--memory-budget 'lots'", run.Stderr, StringComparison.Ordinal);
    }
}

using Stowage.Mover.Engine.Tests.Support;

namespace Stowage.Mover.Engine.Tests.Cli;

public sealed class CliRoundTripTests
{
    [Fact]
    public async Task Init_backup_and_restore_through_the_cli_reproduce_the_tree_byte_for_byte()
    {
        using var temp = new TempDirectory("cli-roundtrip");
        SampleTree.Create(temp.Sub("source"));
        var cli = new MoverCli(temp.Sub("repo"));

        await cli.SucceedAsync("init");
        var backup = await cli.SucceedAsync("backup", temp.Sub("source"));
        var snapshot = Assert.Single(await cli.SnapshotIdsAsync());
        await cli.SucceedAsync("restore", snapshot, "--target", temp.Sub("restored"));

        Assert.StartsWith($"snapshot {snapshot[..8]} saved", backup.Stdout, StringComparison.Ordinal);
        TreeAssert.Identical(temp.Sub("source"), temp.Sub("restored"));
    }

    [Fact]
    public async Task A_restore_under_a_memory_budget_leaves_half_of_it_to_the_kernel_and_says_so()
    {
        using var temp = new TempDirectory("cli-roundtrip-budget");
        var cli = await MoverCli.WithOneBackupAsync(temp, root => SampleTree.Create(root));

        var restore = await cli.SucceedAsync("restore", "latest", "--target", temp.Sub("restored"), "--memory-budget", "128M");

        Assert.Contains("warning: memory budget 128 MiB (setting)", restore.Stderr, StringComparison.Ordinal);
        Assert.Contains("a heap of 64 MiB, to leave half the budget to the page cache", restore.Stderr, StringComparison.Ordinal);
        TreeAssert.Identical(temp.Sub("source"), temp.Sub("restored"));
    }
}

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
}

using Stowage.Mover.Engine.Tests.Support;

namespace Stowage.Mover.Engine.Tests.Cli;

public sealed class CliUpgradeTests
{
    [Fact]
    public async Task Upgrade_moves_a_version_1_repository_to_the_current_version_once_and_its_snapshots_stay_listed()
    {
        using var temp = new TempDirectory("cli-upgrade");
        var cli = new MoverCli(RepositoryFixtures.CopyVersion1(temp.Sub("repo")));
        var snapshots = await cli.SnapshotIdsAsync();

        var first = await cli.SucceedAsync("upgrade");
        var second = await cli.SucceedAsync("upgrade");

        Assert.Contains("from format version 1 to 3", first.Stdout);
        Assert.Contains("already at format version 3", second.Stdout);
        Assert.Equal(snapshots, await cli.SnapshotIdsAsync());
    }

    [Fact]
    public async Task A_command_on_a_repository_whose_config_was_edited_exits_4_saying_so()
    {
        using var temp = new TempDirectory("cli-tampered");
        var cli = new MoverCli(temp.Sub("repo"));
        await cli.SucceedAsync("init");
        var config = Path.Combine(temp.Sub("repo"), "config");
        File.WriteAllText(config, File.ReadAllText(config).Replace("\"compressionLevel\":1", "\"compressionLevel\":19"));

        var snapshots = await cli.RunAsync("snapshots");

        Assert.Equal(4, snapshots.ExitCode);
        Assert.Contains("repository damaged: The repository config was modified or is corrupt", snapshots.Stderr);
    }
}

using System.Text.Json;
using Stowage.Mover.Engine.Tests.Support;

namespace Stowage.Mover.Engine.Tests.Cli;

public sealed class CliForgetPruneTests
{
    [Fact]
    public async Task Forget_keep_last_1_and_prune_leave_only_the_newest_snapshot_and_it_restores()
    {
        using var temp = new TempDirectory("cli-forget");
        var source = temp.Sub("source");
        SampleTree.Create(source);
        var cli = new MoverCli(temp.Sub("repo"));
        await cli.SucceedAsync("init");
        var newest = "";
        for (var generation = 1; generation <= 3; generation++)
        {
            // Each backup adds content only it references, so prune has something to free.
            File.Delete(Path.Combine(source, $"generation-{generation - 1}.bin"));
            File.WriteAllBytes(Path.Combine(source, $"generation-{generation}.bin"), SampleTree.Bytes(new Random(generation), 2 * 1024 * 1024));
            using var snapshot = JsonDocument.Parse((await cli.SucceedAsync("backup", source, "--json")).Stdout);
            newest = snapshot.RootElement.GetProperty("id").GetString()!;
        }
        var dataBytesBefore = DataBytes(temp.Sub("repo"));

        await cli.SucceedAsync("forget", "--keep-last", "1");
        await cli.SucceedAsync("prune");
        var remaining = await cli.SnapshotIdsAsync();
        await cli.SucceedAsync("restore", newest, "--target", temp.Sub("restored"));

        Assert.Equal([newest], remaining);
        Assert.True(DataBytes(temp.Sub("repo")) < dataBytesBefore, "prune freed no pack bytes");
        TreeAssert.Identical(source, temp.Sub("restored"));
    }

    private static long DataBytes(string repository) =>
        Directory.EnumerateFiles(Path.Combine(repository, "data"), "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
}

using System.Text.Json;
using Stowage.Mover.Engine.Backup;
using Stowage.Mover.Engine.Tests.Support;

namespace Stowage.Mover.Engine.Tests.Cli;

/// <summary>--progress-json is how a volume job's pod tells the mover how far it is: JSON lines on stderr.</summary>
public sealed class CliProgressJsonTests
{
    [Fact]
    public async Task Backup_with_progress_json_writes_its_progress_as_json_lines_on_stderr()
    {
        using var temp = new TempDirectory("cli-progress");
        SampleTree.Create(temp.Sub("source"));
        var cli = new MoverCli(temp.Sub("repo"));
        await cli.SucceedAsync("init");

        var backup = await cli.SucceedAsync("backup", temp.Sub("source"), "--progress-json");

        var reports = backup.StderrLines.Where(l => l.StartsWith('{')).Select(l => JsonSerializer.Deserialize<BackupProgress>(l, JsonSerializerOptions.Web)!).ToList();
        Assert.NotEmpty(reports);
        Assert.All(reports, r => Assert.InRange(r.BytesDone, 0, r.BytesTotal));
        Assert.True(reports[^1].FilesTotal > 40, backup.ToString());
    }
}

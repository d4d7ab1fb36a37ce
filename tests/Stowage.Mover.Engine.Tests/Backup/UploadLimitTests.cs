using System.Diagnostics;
using Stowage.Mover.Engine.Backup;
using Stowage.Mover.Engine.Tests.Support;

namespace Stowage.Mover.Engine.Tests.Backup;

public sealed class UploadLimitTests
{
    [Fact]
    public async Task Each_upload_starts_only_once_the_bytes_before_it_fit_the_rate()
    {
        var pacer = new UploadPacer(bytesPerSecond: 1000);
        var clock = Stopwatch.StartNew();

        await pacer.WaitAsync(500, CancellationToken.None);
        var first = clock.Elapsed;
        await pacer.WaitAsync(500, CancellationToken.None);
        await pacer.WaitAsync(500, CancellationToken.None);

        Assert.True(first < TimeSpan.FromMilliseconds(500), $"the first upload waited {first}");
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(990), $"1000 bytes went out in {clock.Elapsed}");
    }

    [Fact]
    public async Task Without_a_limit_nothing_waits()
    {
        var pacer = new UploadPacer(bytesPerSecond: null);

        var wait = pacer.WaitAsync(long.MaxValue / 2, CancellationToken.None);

        Assert.True(wait.IsCompleted);
        await wait;
    }

    [Fact]
    public async Task A_limited_backup_restores_the_same_files()
    {
        using var temp = new TempDirectory("limited");
        SampleTree.Create(temp.Sub("source"));
        using var repository = await TestRepository.InitAsync(new Stowage.Mover.Engine.Storage.LocalDirectoryBackend(temp.Sub("repo")));

        await repository.BackupAsync(new BackupRequest { SourcePath = temp.Sub("source"), Tuning = new BackupTuning { UploadBytesPerSecond = 256L * 1024 * 1024 } });
        var snapshot = Assert.Single(await repository.ListSnapshotsAsync());
        await repository.RestoreAsync(new Stowage.Mover.Engine.Restore.RestoreRequest { SnapshotId = snapshot.Id, TargetPath = temp.Sub("restored") });

        TreeAssert.Identical(temp.Sub("source"), temp.Sub("restored"));
    }
}

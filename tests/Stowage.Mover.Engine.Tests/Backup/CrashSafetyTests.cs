using Stowage.Mover.Engine.Backup;
using Stowage.Mover.Engine.Maintenance;
using Stowage.Mover.Engine.Restore;
using Stowage.Mover.Engine.Storage;
using Stowage.Mover.Engine.Tests.Support;

namespace Stowage.Mover.Engine.Tests.Backup;

public sealed class CrashSafetyTests
{
    [Fact]
    public async Task Backup_killed_half_way_leaves_a_healthy_repository_and_the_next_run_reuses_its_uploads()
    {
        using var temp = new TempDirectory("crash");
        SampleTree.Create(temp.Sub("source"));
        using (await TestRepository.InitAsync(new LocalDirectoryBackend(temp.Sub("repo")))) { }
        var tuning = new BackupTuning { PacksPerIndex = 1, Uploaders = 1 };

        // Writes so far: config, key. Then the lock, then packs and index files alternate.
        using (var crashing = await TestRepository.OpenAsync(new FaultyBackend(new LocalDirectoryBackend(temp.Sub("repo")), writesBeforeCrash: 6)))
        {
            await Assert.ThrowsAsync<IOException>(() => crashing.BackupAsync(new BackupRequest { SourcePath = temp.Sub("source"), Tuning = tuning }));
        }

        using var repository = await TestRepository.OpenAsync(new LocalDirectoryBackend(temp.Sub("repo")));
        Assert.Empty(await repository.ListSnapshotsAsync());
        var check = await repository.CheckAsync(new CheckOptions(ReadData: true));
        Assert.True(check.IsHealthy, string.Join("; ", check.Errors));
        Assert.True(check.Blobs > 0, "the interrupted run indexed some uploads");

        var resumed = await repository.BackupAsync(new BackupRequest { SourcePath = temp.Sub("source") });
        Assert.True(resumed.Snapshot.Summary.BlobsDeduplicated >= check.Blobs - 1, $"reused {resumed.Snapshot.Summary.BlobsDeduplicated} of {check.Blobs}");
        Assert.True((await repository.CheckAsync(new CheckOptions(ReadData: true))).IsHealthy);
        await repository.RestoreAsync(new RestoreRequest { SnapshotId = resumed.Snapshot.Id, TargetPath = temp.Sub("restored") });
        TreeAssert.Identical(temp.Sub("source"), temp.Sub("restored"));
    }

    [Fact]
    public async Task A_failed_backup_returns_only_after_its_other_uploads_have_ended()
    {
        // A run that returned while an upload still ran let its caller dispose the repository under its sealers and
        // uploaders, which then used freed zstd and AES contexts: native heap corruption, now and then.
        using var temp = new TempDirectory("upload-failure");
        var source = Directory.CreateDirectory(temp.Sub("source")).FullName;
        var random = new Random(7);
        for (var i = 0; i < 3; i++) File.WriteAllBytes(Path.Combine(source, $"file-{i}"), SampleTree.Bytes(random, 5 * 1024 * 1024));
        using (await TestRepository.InitAsync(new LocalDirectoryBackend(temp.Sub("repo")))) { }
        var backend = new SlowFailingPackBackend(new LocalDirectoryBackend(temp.Sub("repo")), lateBy: TimeSpan.FromMilliseconds(500));
        using var repository = await TestRepository.OpenAsync(backend);

        var failed = await Assert.ThrowsAsync<IOException>(() =>
            repository.BackupAsync(new BackupRequest { SourcePath = source, Tuning = new BackupTuning { Uploaders = 2 } }));

        Assert.Contains("first pack upload", failed.Message);
        Assert.Equal(0, backend.WritesRunning);
    }

    [Fact]
    public async Task Cancelled_backup_leaves_no_snapshot_and_a_healthy_repository()
    {
        using var temp = new TempDirectory("cancel");
        SampleTree.Create(temp.Sub("source"));
        using var repository = await TestRepository.InitAsync(new LocalDirectoryBackend(temp.Sub("repo")));
        using var cancellation = new CancellationTokenSource();
        var progress = new SyncProgress(p => { if (p.BytesDone > 0 && !cancellation.IsCancellationRequested) cancellation.Cancel(); });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            repository.BackupAsync(new BackupRequest { SourcePath = temp.Sub("source"), Tuning = new BackupTuning { PacksPerIndex = 1 } }, progress, cancellation.Token));

        Assert.Empty(await repository.ListSnapshotsAsync());
        Assert.True((await repository.CheckAsync()).IsHealthy);
        Assert.Empty(await TestRepository.KeysAsync(new LocalDirectoryBackend(temp.Sub("repo")), "locks/"));
    }
}

using Stowage.Mover.Engine.Backup;
using Stowage.Mover.Engine.Maintenance;
using Stowage.Mover.Engine.Repository;
using Stowage.Mover.Engine.Snapshots;
using Stowage.Mover.Engine.Restore;
using Stowage.Mover.Engine.Storage;
using Stowage.Mover.Engine.Tests.Support;

namespace Stowage.Mover.Engine.Tests.Maintenance;

public sealed class RetentionPruneTests
{
    [Fact]
    public async Task Forget_and_prune_keep_exactly_what_the_policy_says_and_kept_snapshots_restore()
    {
        using var temp = new TempDirectory("retention");
        var source = temp.Sub("source");
        Directory.CreateDirectory(source);
        using var repository = await TestRepository.InitAsync(new LocalDirectoryBackend(temp.Sub("repo")));
        var day = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
        var snapshots = new List<(string Id, int Version)>();
        for (var version = 0; version < 6; version++)
        {
            File.WriteAllBytes(Path.Combine(source, $"v{version}.bin"), SampleTree.Bytes(new Random(version), 700_000));
            if (version > 0) File.Delete(Path.Combine(source, $"v{version - 1}.bin"));
            var time = day.AddDays(version / 2).AddHours(version % 2 * 6);
            var result = await repository.BackupAsync(new BackupRequest { SourcePath = source, Time = time, Tags = new Dictionary<string, string> { ["app"] = "x" } });
            snapshots.Add((result.Snapshot.Id, version));
        }

        // Days hold versions {0,1}, {2,3}, {4,5}. keep-last 1 keeps 5; keep-daily 2 keeps 5 (day 3) and 3 (day 2).
        var forget = await repository.ForgetAsync(new ForgetRequest { Policy = new RetentionPolicy { KeepLast = 1, KeepDaily = 2 } });
        var prune = await repository.PruneAsync(new PruneOptions { UnindexedGrace = TimeSpan.Zero });

        var kept = snapshots.Where(s => s.Version is 3 or 5).Select(s => s.Id).ToHashSet();
        Assert.Equal(kept, forget.Kept.Select(s => s.Id).ToHashSet());
        Assert.Equal(kept, (await repository.ListSnapshotsAsync()).Select(s => s.Id).ToHashSet());
        Assert.False(prune.Deferred);
        Assert.True(prune.PacksDeleted > 0 && prune.BytesFreed > 1_000_000, prune.Message);
        var check = await repository.CheckAsync(new CheckOptions(ReadData: true));
        Assert.True(check.IsHealthy, string.Join("; ", check.Errors));
        foreach (var (id, version) in snapshots.Where(s => kept.Contains(s.Id)))
        {
            var target = temp.Sub($"restored-{version}");
            await repository.RestoreAsync(new RestoreRequest { SnapshotId = id, TargetPath = target });
            Assert.Equal(SampleTree.Bytes(new Random(version), 700_000), File.ReadAllBytes(Path.Combine(target, $"v{version}.bin")));
        }
    }

    [Fact]
    public async Task Prune_deletes_nothing_while_a_backup_holds_a_lock()
    {
        using var temp = new TempDirectory("prune-lock");
        SampleTree.Create(temp.Sub("source"));
        using var repository = await TestRepository.InitAsync(new LocalDirectoryBackend(temp.Sub("repo")));
        var backup = await repository.BackupAsync(new BackupRequest { SourcePath = temp.Sub("source") });
        await repository.ForgetAsync(new ForgetRequest { Policy = new RetentionPolicy { KeepLast = 1 } });
        File.Delete(Path.Combine(temp.Sub("repo"), "snapshots", backup.Snapshot.Id));
        var before = await TestRepository.KeysAsync(new LocalDirectoryBackend(temp.Sub("repo")), "data/");

        // A lock written the way a running backup writes it, by another process.
        using var holder = await TestRepository.OpenAsync(new LocalDirectoryBackend(temp.Sub("repo")));
        await using (await RepositoryLock.AcquireAsync(holder.Store, LockFile.Backup, CancellationToken.None))
        {
            var prune = await repository.PruneAsync(new PruneOptions { UnindexedGrace = TimeSpan.Zero });
            Assert.True(prune.Deferred);
            Assert.Equal(before, await TestRepository.KeysAsync(new LocalDirectoryBackend(temp.Sub("repo")), "data/"));
        }

        var afterwards = await repository.PruneAsync(new PruneOptions { UnindexedGrace = TimeSpan.Zero });
        Assert.False(afterwards.Deferred);
        Assert.Empty(await TestRepository.KeysAsync(new LocalDirectoryBackend(temp.Sub("repo")), "data/"));
    }
}

using System.Diagnostics.Metrics;
using Microsoft.Extensions.Time.Testing;
using Stowage.Mover.Engine.Backup;
using Stowage.Mover.Engine.Maintenance;
using Stowage.Mover.Engine.Repository;
using Stowage.Mover.Engine.Storage;
using Stowage.Mover.Engine.Tests.Support;

namespace Stowage.Mover.Engine.Tests.Repository;

public sealed class LockRefreshTests
{
    private static readonly DateTimeOffset Start = new(2026, 6, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_backup_whose_lock_refresh_keeps_failing_stops_before_the_lock_is_stale_and_a_prune_beside_it_deletes_nothing()
    {
        using var failures = new LockWriteFailureCounter();
        using var temp = new TempDirectory("lock-lost");
        var (repo, clock, backend, repository, backup) = await StartHeldBackupAsync(temp);
        using var opened = repository;
        backend.FailLockWrites = true;

        clock.Advance(RepositoryLock.RefreshEvery);
        await backend.ExpectLockEventAsync("write failed");
        for (var retry = 0; retry < 5; retry++)
        {
            clock.Advance(RepositoryLock.RetryEvery);
            await backend.ExpectLockEventAsync("write failed");
        }

        // Ten minutes in, another process prunes: the backup's lock is not stale, so the prune defers, although
        // the packs of the forgotten snapshot are ones the backup is deduplicating against.
        var packs = await TestRepository.KeysAsync(new LocalDirectoryBackend(repo), "data/");
        using (var other = await TestRepository.OpenAsync(new LocalDirectoryBackend(repo), clock))
        {
            var prune = await other.PruneAsync(new PruneOptions { UnindexedGrace = TimeSpan.Zero });
            Assert.True(prune.Deferred, prune.Message);
        }
        Assert.Equal(packs, await TestRepository.KeysAsync(new LocalDirectoryBackend(repo), "data/"));

        clock.Advance(RepositoryLock.GiveUpAfter - (clock.GetUtcNow() - Start));
        var lost = await Assert.ThrowsAsync<RepositoryLockLostException>(() => backup.WaitAsync(TimeSpan.FromSeconds(60)));

        Assert.True(clock.GetUtcNow() - Start < RepositoryLock.StaleAfter);
        Assert.Equal(Start, lost.LastRefreshed);
        Assert.Contains(lost.LockKey, lost.Message);
        Assert.Contains("backup stopped", lost.Message);
        Assert.Contains($"since {Start:u}", lost.Message);
        Assert.Contains(LockFaultBackend.FailureMessage, lost.Message);
        Assert.DoesNotContain(TestRepository.Password, lost.Message);
        Assert.True(failures.Backup >= 6, $"{failures.Backup} lock write failures counted");
        Assert.Empty(await TestRepository.KeysAsync(new LocalDirectoryBackend(repo), "snapshots/"));
    }

    [Fact]
    public async Task A_refresh_that_fails_once_is_retried_and_the_backup_outlives_the_give_up_age()
    {
        using var temp = new TempDirectory("lock-retry");
        var (repo, clock, backend, repository, backup) = await StartHeldBackupAsync(temp);
        using var opened = repository;

        backend.FailLockWrites = true;
        clock.Advance(RepositoryLock.RefreshEvery);
        await backend.ExpectLockEventAsync("write failed");
        backend.FailLockWrites = false;
        clock.Advance(RepositoryLock.RetryEvery);
        await backend.ExpectLockEventAsync("write");
        await backend.ExpectLockEventAsync("delete");

        clock.Advance(RepositoryLock.GiveUpAfter + TimeSpan.FromMinutes(4) - (clock.GetUtcNow() - Start));
        backend.ReleasePacks();
        var result = await backup.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Single(await TestRepository.KeysAsync(new LocalDirectoryBackend(repo), "snapshots/"));
        Assert.Equal(result.Snapshot.Id, (await repository.ListSnapshotsAsync()).Single().Id);
        Assert.Empty(await TestRepository.KeysAsync(new LocalDirectoryBackend(repo), "locks/"));
    }

    /// <summary>Starts a backup of <see cref="ForgottenBackupAndChangedSourceAsync"/> on a fake clock, held at its first pack upload after its lock is written.</summary>
    private static async Task<(string Repo, FakeTimeProvider Clock, LockFaultBackend Backend, StowageRepository Repository, Task<BackupResult> Backup)> StartHeldBackupAsync(TempDirectory temp)
    {
        var repo = temp.Sub("repo");
        var source = await ForgottenBackupAndChangedSourceAsync(temp, repo);
        var clock = new FakeTimeProvider(Start);
        var backend = new LockFaultBackend(new LocalDirectoryBackend(repo));
        var repository = await TestRepository.OpenAsync(backend, clock);
        var backup = Task.Run(() => repository.BackupAsync(new BackupRequest { SourcePath = source }));
        await backend.PackHeld;
        await backend.ExpectLockEventAsync("write");
        return (repo, clock, backend, repository, backup);
    }

    /// <summary>A repository whose only snapshot was forgotten (its packs await a prune), and a source that is
    /// that snapshot's files plus one new one: backing it up relies on those packs and must upload a new pack.</summary>
    private static async Task<string> ForgottenBackupAndChangedSourceAsync(TempDirectory temp, string repo)
    {
        var source = temp.Sub("source");
        Directory.CreateDirectory(source);
        for (var i = 0; i < 3; i++) File.WriteAllBytes(Path.Combine(source, $"old-{i}.bin"), SampleTree.Bytes(new Random(i), 300_000));
        using (var first = await TestRepository.InitAsync(new LocalDirectoryBackend(repo)))
        {
            var snapshot = (await first.BackupAsync(new BackupRequest { SourcePath = source })).Snapshot;
            File.Delete(Path.Combine(repo, "snapshots", snapshot.Id));
        }
        File.WriteAllBytes(Path.Combine(source, "new.bin"), SampleTree.Bytes(new Random(99), 300_000));
        return source;
    }

    /// <summary>Counts stowage.mover.lock_write_failures of backup locks recorded while it lives.</summary>
    private sealed class LockWriteFailureCounter : IDisposable
    {
        private readonly MeterListener _listener = new();
        private long _backup;

        public LockWriteFailureCounter()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Name == "stowage.mover.lock_write_failures") listener.EnableMeasurementEvents(instrument);
            };
            _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
            {
                foreach (var tag in tags)
                    if (tag is { Key: "kind", Value: "backup" }) Interlocked.Add(ref _backup, value);
            });
            _listener.Start();
        }

        public long Backup => Interlocked.Read(ref _backup);

        public void Dispose() => _listener.Dispose();
    }
}

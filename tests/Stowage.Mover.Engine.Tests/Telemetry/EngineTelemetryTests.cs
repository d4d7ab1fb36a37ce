using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Stowage.Mover.Engine.Backup;
using Stowage.Mover.Engine.FileSystem;
using Stowage.Mover.Engine.Restore;
using Stowage.Mover.Engine.Storage;
using Stowage.Mover.Engine.Telemetry;
using Stowage.Mover.Engine.Tests.Support;

namespace Stowage.Mover.Engine.Tests.Telemetry;

public sealed class EngineTelemetryTests
{
    [Fact]
    public async Task Backup_and_restore_trace_their_snapshot_and_sizes_and_count_bytes_and_durations()
    {
        using var telemetry = new EngineTelemetryRecorder();
        using var temp = new TempDirectory("telemetry");
        SampleTree.Create(temp.Sub("source"));
        using var repository = await TestRepository.InitAsync(new LocalDirectoryBackend(temp.Sub("repo")));

        var backup = await repository.BackupAsync(new BackupRequest { SourcePath = temp.Sub("source") });
        var restore = await repository.RestoreAsync(new RestoreRequest { SnapshotId = backup.Snapshot.Id, TargetPath = temp.Sub("restored") });

        // Other tests run engines at the same time: spans are told apart by snapshot, counters only grow.
        var backupSpan = telemetry.Stopped("stowage.mover.backup", backup.Snapshot.Id);
        var restoreSpan = telemetry.Stopped("stowage.mover.restore", backup.Snapshot.Id);
        Assert.Equal(backup.Snapshot.Summary!.Files, backupSpan.GetTagItem("stowage.files"));
        Assert.Equal(restore.Files, restoreSpan.GetTagItem("stowage.files"));
        var sourceBytes = DistinctFileBytes(temp.Sub("source"));
        Assert.True(sourceBytes > 1024 * 1024);
        Assert.Equal(backup.Snapshot.Summary.Bytes, backupSpan.GetTagItem("stowage.bytes"));
        Assert.Equal(sourceBytes, restoreSpan.GetTagItem("stowage.bytes"));
        Assert.Equal(ActivityStatusCode.Unset, restoreSpan.Status);
        Assert.True(telemetry.Sum("stowage.mover.bytes_read") >= sourceBytes);
        Assert.True(telemetry.Sum("stowage.mover.bytes_restored") >= sourceBytes);
        Assert.True(telemetry.Sum("stowage.mover.bytes_uploaded") > 0);
        Assert.Contains("backup", telemetry.DurationOperations);
        Assert.Contains("restore", telemetry.DurationOperations);
    }

    [Fact]
    public async Task A_restore_that_finds_damage_ends_its_span_as_an_error()
    {
        using var telemetry = new EngineTelemetryRecorder();
        using var temp = new TempDirectory("telemetry-damage");
        SampleTree.CreateVictim(temp.Sub("source"));
        using var repository = await TestRepository.InitAsync(new LocalDirectoryBackend(temp.Sub("repo")));
        var backup = await repository.BackupAsync(new BackupRequest { SourcePath = temp.Sub("source") });
        PackDamage.FlipByteInLargestPack(temp.Sub("repo"));

        await Assert.ThrowsAsync<RepositoryDamagedException>(() =>
            repository.RestoreAsync(new RestoreRequest { SnapshotId = backup.Snapshot.Id, TargetPath = temp.Sub("restored") }));

        Assert.Equal(ActivityStatusCode.Error, telemetry.Stopped("stowage.mover.restore", backup.Snapshot.Id).Status);
    }

    /// <summary>Bytes of the regular files under root, each hard-linked file once: what a restore writes.</summary>
    private static long DistinctFileBytes(string root) =>
        Directory.GetFiles(root, "*", SearchOption.AllDirectories).Select(UnixFileStatus.Get).Where(s => s.IsRegularFile)
            .DistinctBy(s => (s.Device, s.Inode)).Sum(s => s.Size);

    /// <summary>Listens to the engine's ActivitySource and Meter for the life of a test.</summary>
    private sealed class EngineTelemetryRecorder : IDisposable
    {
        private readonly ConcurrentBag<Activity> _stopped = [];
        private readonly ConcurrentDictionary<string, long> _sums = new();
        private readonly ConcurrentDictionary<string, bool> _durations = new();
        private readonly ActivityListener _traces;
        private readonly MeterListener _meters;

        public EngineTelemetryRecorder()
        {
            _traces = new ActivityListener
            {
                ShouldListenTo = source => source.Name == EngineTelemetry.Name,
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
                ActivityStopped = _stopped.Add,
            };
            ActivitySource.AddActivityListener(_traces);
            _meters = new MeterListener
            {
                InstrumentPublished = (instrument, listener) =>
                {
                    if (instrument.Meter.Name == EngineTelemetry.Name) listener.EnableMeasurementEvents(instrument);
                },
            };
            _meters.SetMeasurementEventCallback<long>((instrument, value, _, _) => _sums.AddOrUpdate(instrument.Name, value, (_, sum) => sum + value));
            _meters.SetMeasurementEventCallback<double>((instrument, _, tags, _) =>
            {
                foreach (var tag in tags)
                    if (tag.Key == "operation" && tag.Value is string operation) _durations[operation] = true;
            });
            _meters.Start();
        }

        public IEnumerable<string> DurationOperations => _durations.Keys;

        public long Sum(string instrument) => _sums.GetValueOrDefault(instrument);

        public Activity Stopped(string name, string snapshotId) =>
            Assert.Single(_stopped, a => a.OperationName == name && Equals(a.GetTagItem("stowage.snapshot"), snapshotId));

        public void Dispose()
        {
            _traces.Dispose();
            _meters.Dispose();
        }
    }
}

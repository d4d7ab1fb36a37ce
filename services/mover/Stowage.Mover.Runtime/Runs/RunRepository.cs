using System.Text.Json;
using Stowage.Common.EventSourcing;
using Stowage.Mover.Engine;
using Stowage.Mover.Engine.Backup;
using Stowage.Mover.Engine.Scratch;
using Stowage.Mover.Engine.Snapshots;

namespace Stowage.Mover.Runtime.Runs;

/// <summary>
/// Backup runs as the repository holds them. Every write first looks for what an earlier attempt of the same run
/// already stored, so a retried activity (after a crash) records one run, never two. Temporary files go to a folder of the
/// run under <c>scratchRoot</c>; volume copies upload at most <c>uploadBytesPerSecond</c> when it is set.
/// </summary>
public sealed class RunRepository(StowageRepository repository, string? scratchRoot = null, long? uploadBytesPerSecond = null)
{
    /// <summary>Makes the snapshot of a volume: given its tags and its parent (or none), returns what it stored.</summary>
    public delegate Task<SnapshotInfo> VolumeCopy(IReadOnlyDictionary<string, string> tags, SnapshotInfo? parent, CancellationToken ct);

    /// <summary>Backs up a folder as the run's snapshot of <paramref name="claimName"/>.</summary>
    public Task<SnapshotInfo> BackupVolumeAsync(string runId, string policyId, string application, string claimName, string sourcePath,
        IProgress<BackupProgress>? progress, CancellationToken ct, IReadOnlyDictionary<string, string>? extraTags = null) =>
        BackupVolumeAsync(runId, policyId, application, claimName, async (tags, parent, token) =>
        {
            using var scratch = ScratchFolder.Create(scratchRoot ?? ScratchFolder.DefaultRoot, $"run-{runId}-{claimName}");
            var request = new BackupRequest
            {
                SourcePath = sourcePath, Tags = tags, ParentSnapshotId = parent?.Id,
                Tuning = new BackupTuning { SpillDirectory = scratch.Path, UploadBytesPerSecond = uploadBytesPerSecond },
            };
            return (await repository.BackupAsync(request, progress, token)).Snapshot;
        }, ct, extraTags);

    /// <summary>
    /// The run's snapshot of <paramref name="claimName"/>: the one an earlier attempt stored, or a new one that
    /// <paramref name="copy"/> makes with the run's tags (and <paramref name="extraTags"/>), its parent being the
    /// newest snapshot of the same volume of the same policy.
    /// </summary>
    public async Task<SnapshotInfo> BackupVolumeAsync(string runId, string policyId, string application, string claimName, VolumeCopy copy, CancellationToken ct,
        IReadOnlyDictionary<string, string>? extraTags = null)
    {
        var tags = Tags(runId, policyId, application, claimName);
        var existing = (await repository.ListSnapshotsAsync(tags, ct)).LastOrDefault();
        if (existing is not null) return existing;
        var parent = await PreviousAsync(runId, policyId, claimName, ct);
        foreach (var (key, value) in extraTags ?? new Dictionary<string, string>()) tags[key] = value;
        return await copy(tags, parent, ct);
    }

    /// <summary>The volume's newest snapshot that an earlier run of the policy made: the parent of this run's.</summary>
    public async Task<SnapshotInfo?> PreviousAsync(string runId, string policyId, string claimName, CancellationToken ct) =>
        (await repository.ListSnapshotsAsync(new Dictionary<string, string> { [BackupTags.Policy] = policyId, [BackupTags.Volume] = claimName }, ct))
            .LastOrDefault(s => s.Tags.GetValueOrDefault(BackupTags.Run) != runId);

    /// <summary>How fast a volume copy may upload, in bytes per second; null for no limit.</summary>
    public long? UploadBytesPerSecond => uploadBytesPerSecond;

    /// <summary>Stores the run's manifest beside an (empty) resources snapshot; the run exists once this is written.</summary>
    public async Task<SnapshotInfo> RecordRunAsync(RunManifest manifest, CancellationToken ct)
    {
        var tags = Tags(manifest.RunId, manifest.PolicyId, manifest.Application.ToString(), BackupTags.ResourcesVolume);
        var existing = (await repository.ListSnapshotsAsync(tags, ct)).LastOrDefault();
        if (existing is not null && await repository.ReadApplicationManifestAsync(existing.Id, ct) is not null) return existing;

        var snapshot = existing;
        if (snapshot is null)
        {
            using var scratch = ScratchFolder.Create(scratchRoot ?? ScratchFolder.DefaultRoot, $"run-{manifest.RunId}-resources");
            var empty = Directory.CreateDirectory(Path.Combine(scratch.Path, "empty")).FullName;
            var request = new BackupRequest { SourcePath = empty, Tags = tags, Tuning = new BackupTuning { SpillDirectory = scratch.Path } };
            snapshot = (await repository.BackupAsync(request, null, ct)).Snapshot;
        }
        await repository.WriteApplicationManifestAsync(snapshot.Id, JsonSerializer.SerializeToUtf8Bytes(manifest, EventJson.Options), ct);
        return snapshot;
    }

    /// <summary>Every recorded run, oldest first, optionally of one policy; readable with nothing but the repository.</summary>
    public async Task<IReadOnlyList<RecordedRun>> ListRunsAsync(string? policyId, CancellationToken ct)
    {
        var filter = new Dictionary<string, string> { [BackupTags.Volume] = BackupTags.ResourcesVolume };
        if (policyId is not null) filter[BackupTags.Policy] = policyId;
        var runs = new List<RecordedRun>();
        foreach (var snapshot in await repository.ListSnapshotsAsync(filter, ct))
        {
            var bytes = await repository.ReadApplicationManifestAsync(snapshot.Id, ct);
            if (bytes is null) continue; // a run that crashed before recording itself is no backup
            runs.Add(new RecordedRun(snapshot.Id, snapshot.Time, JsonSerializer.Deserialize<RunManifest>(bytes, EventJson.Options)!));
        }
        return runs;
    }

    private static Dictionary<string, string> Tags(string runId, string policyId, string application, string volume) => new()
    {
        [BackupTags.Run] = runId,
        [BackupTags.Policy] = policyId,
        [BackupTags.Application] = application,
        [BackupTags.Volume] = volume,
    };
}

public sealed record RecordedRun(string SnapshotId, DateTimeOffset Time, RunManifest Manifest);

using Stowage.Contracts.Policies;

namespace Stowage.Contracts.Backups;

public enum BackupTrigger
{
    Scheduled,
    Manual,
}

public enum RunOutcome
{
    Succeeded,
    PartiallyFailed,
    Failed,

    /// <summary>The run's workflow was lost (its state purged, terminated, or gone with a sidecar) before it reported; its policy runs again.</summary>
    Interrupted,
}

/// <summary>
/// A request for one backup run of one policy. <paramref name="RunId"/> is unique per run and is the mover's
/// workflow instance id, so a request delivered twice starts one run.
/// </summary>
public sealed record BackupRequested(Guid EventId, DateTimeOffset OccurredAt, string RunId, string PolicyId, long PolicyVersion, PolicySpec Spec, BackupTrigger Trigger)
    : IIntegrationEvent;

/// <summary>Progress of a running backup: volumes done of total, bytes processed, and the current step.</summary>
public sealed record BackupProgressed(Guid EventId, DateTimeOffset OccurredAt, string RunId, string PolicyId, string Step, int VolumesDone, int VolumesTotal, long BytesProcessed)
    : IIntegrationEvent;

/// <summary>
/// The end of a run. <paramref name="Reason"/> says what went wrong in words a user can act on;
/// <paramref name="BackupsKept"/> is how many of the policy's runs the repository keeps after retention (null when retention did not run).
/// </summary>
public sealed record BackupFinished(
    Guid EventId, DateTimeOffset OccurredAt, string RunId, string PolicyId, RunOutcome Outcome, string? Reason,
    IReadOnlyList<VolumeResult> Volumes, int? BackupsKept = null)
    : IIntegrationEvent;

/// <summary>What became of one volume in a run: <paramref name="BytesAdded"/> stored bytes it added to the repository, out of <paramref name="SourceBytes"/> bytes of files.</summary>
public sealed record VolumeResult(string Volume, bool Succeeded, string? SnapshotId, long BytesAdded, string? Error, long SourceBytes = 0);

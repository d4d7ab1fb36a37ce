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
/// workflow instance id, so a request delivered twice starts one run. <paramref name="CorrelationId"/> is the one a
/// <see cref="BackupCommand"/> carried, handed on to the run's <see cref="BackupFinished"/>.
/// </summary>
public sealed record BackupRequested(Guid EventId, DateTimeOffset OccurredAt, string RunId, string PolicyId, long PolicyVersion, PolicySpec Spec, BackupTrigger Trigger,
    string? CorrelationId = null)
    : IIntegrationEvent;

/// <summary>Progress of a running backup: volumes done of total, bytes processed, and the current step.</summary>
public sealed record BackupProgressed(Guid EventId, DateTimeOffset OccurredAt, string RunId, string PolicyId, string Step, int VolumesDone, int VolumesTotal, long BytesProcessed)
    : IIntegrationEvent;

/// <summary>
/// The end of a run. <paramref name="Reason"/> says what went wrong in words a user can act on;
/// <paramref name="BackupsKept"/> is how many of the policy's runs the repository keeps after retention (null when retention did not run).
/// <paramref name="CorrelationId"/> is the one of the <see cref="BackupCommand"/> that asked for the run. A command that
/// started no run (it named no known active policy) ends in a Failed event with an empty <paramref name="RunId"/>.
/// </summary>
public sealed record BackupFinished(
    Guid EventId, DateTimeOffset OccurredAt, string RunId, string PolicyId, RunOutcome Outcome, string? Reason,
    IReadOnlyList<VolumeResult> Volumes, int? BackupsKept = null, string? CorrelationId = null)
    : IIntegrationEvent
{
    /// <summary>Whether this answers a command that started no run: there is no run to record.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsRefusal => RunId.Length == 0;
}

/// <summary>What became of one volume in a run: <paramref name="BytesAdded"/> stored bytes it added to the repository, out of <paramref name="SourceBytes"/> bytes of files.
/// <paramref name="Warnings"/>: what the copy could not do as asked and did otherwise (a file skipped, changed-block tracking
/// not used), null when none; <paramref name="BytesRead"/>: bytes it read from the volume (unchanged files and blocks are
/// not read), null when not reported.</summary>
public sealed record VolumeResult(string Volume, bool Succeeded, string? SnapshotId, long BytesAdded, string? Error, long SourceBytes = 0,
    IReadOnlyList<string>? Warnings = null, long? BytesRead = null);

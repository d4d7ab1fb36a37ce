using Stowage.Contracts.Policies;
using Stowage.Mover.Engine.Backup;
using Stowage.Mover.Engine.Restore;
using Stowage.Mover.Engine.Snapshots;
using Stowage.Mover.Runtime.Runs;
using Stowage.Mover.Runtime.Snapshots;

namespace Stowage.Mover.Runtime.Volumes;

/// <summary>
/// How one volume's data moves between its claim and the repository (<see cref="MoverOptions.DataPath"/>): in a pod
/// that mounts the claim (<see cref="Jobs.JobDataPath"/>), or by this process from a folder (<see cref="FolderDataPath"/>).
/// </summary>
public interface IVolumeDataPath
{
    /// <summary>Fails with <see cref="VolumeNotFoundException"/> when the claim's data cannot be reached.</summary>
    Task CheckAsync(string @namespace, string claimName, CancellationToken cancellationToken);

    /// <summary>Copies the claim into a snapshot of the run, or returns the one an earlier attempt made.</summary>
    Task<VolumeBackup> BackupAsync(RunRepository runs, VolumeCopyRequest request, IProgress<BackupProgress>? progress, CancellationToken cancellationToken);

    /// <summary>Restores a snapshot into the claim, verifying every chunk.</summary>
    Task<RestoreResult> RestoreAsync(VolumeRestoreRequest request, CancellationToken cancellationToken);
}

/// <summary>One volume of a backup run.</summary>
/// <param name="ClaimToRead">The claim itself, or the clone of a snapshot taken of it for this run.</param>
/// <param name="Snapshot">The CSI snapshot the clone was made from: its handle is recorded in the repository snapshot's
/// tags, and it is the target of a changed-block query against the parent's.</param>
public sealed record VolumeCopyRequest(BackupTarget Target, string CredentialsNamespace, string Namespace, string RunId, string PolicyId,
    string Application, string ClaimName, string ClaimToRead, SnapshotClone? Snapshot = null)
{
    public bool IsClone => ClaimToRead != ClaimName;

    /// <summary>Tags beside the run's: the snapshot handle, when there is one.</summary>
    public IReadOnlyDictionary<string, string> ExtraTags => Snapshot?.SnapshotHandle is { } handle
        ? new Dictionary<string, string> { [BackupTags.SnapshotHandle] = handle }
        : new Dictionary<string, string>();
}

/// <summary>What a volume's copy stored, what it warns of (shown in the run's report), and the bytes it read when known.</summary>
public sealed record VolumeBackup(SnapshotInfo Snapshot, IReadOnlyList<string> Warnings, long? BytesRead = null);

/// <summary>One volume of a restore: snapshot <paramref name="SnapshotId"/> into claim <paramref name="ClaimName"/>.</summary>
public sealed record VolumeRestoreRequest(BackupTarget Target, string CredentialsNamespace, string Namespace, string ClaimName, string RestoreId, string SnapshotId);

using Stowage.Contracts.Policies;
using Stowage.Mover.Engine.Backup;
using Stowage.Mover.Engine.Restore;
using Stowage.Mover.Engine.Snapshots;
using Stowage.Mover.Runtime.Runs;

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
    Task<SnapshotInfo> BackupAsync(RunRepository runs, VolumeCopyRequest request, IProgress<BackupProgress>? progress, CancellationToken cancellationToken);

    /// <summary>Restores a snapshot into the claim, verifying every chunk.</summary>
    Task<RestoreResult> RestoreAsync(VolumeRestoreRequest request, CancellationToken cancellationToken);
}

/// <summary>One volume of a backup run.</summary>
/// <param name="ClaimToRead">The claim itself, or the clone of a snapshot taken of it for this run.</param>
/// <param name="SnapshotHandle">The CSI handle of the snapshot the clone was made from, recorded in the repository snapshot's tags.</param>
public sealed record VolumeCopyRequest(BackupTarget Target, string CredentialsNamespace, string Namespace, string RunId, string PolicyId,
    string Application, string ClaimName, string ClaimToRead, string? SnapshotHandle = null)
{
    public bool IsClone => ClaimToRead != ClaimName;

    /// <summary>Tags beside the run's: the snapshot handle, when there is one.</summary>
    public IReadOnlyDictionary<string, string> ExtraTags => SnapshotHandle is null
        ? new Dictionary<string, string>()
        : new Dictionary<string, string> { [BackupTags.SnapshotHandle] = SnapshotHandle };
}

/// <summary>One volume of a restore: snapshot <paramref name="SnapshotId"/> into claim <paramref name="ClaimName"/>.</summary>
public sealed record VolumeRestoreRequest(BackupTarget Target, string CredentialsNamespace, string Namespace, string ClaimName, string RestoreId, string SnapshotId);

using Microsoft.Extensions.Options;
using Stowage.Mover.Engine.Backup;
using Stowage.Mover.Engine.Restore;
using Stowage.Mover.Engine.Snapshots;
using Stowage.Mover.Runtime.Repositories;
using Stowage.Mover.Runtime.Runs;

namespace Stowage.Mover.Runtime.Volumes;

/// <summary>The "local" data path: this process reads and writes the claim's folder ({VolumeRoot}/{namespace}/{claim}).</summary>
public sealed class FolderDataPath(IVolumeLocator volumes, RepositoryOpener opener, TimeProvider clock) : IVolumeDataPath
{
    private static readonly TimeSpan CloneTimeout = TimeSpan.FromMinutes(5);

    public Task CheckAsync(string @namespace, string claimName, CancellationToken cancellationToken) =>
        volumes.LocateAsync(@namespace, claimName, create: false, cancellationToken);

    public async Task<VolumeBackup> BackupAsync(RunRepository runs, VolumeCopyRequest request, IProgress<BackupProgress>? progress, CancellationToken cancellationToken)
    {
        var folder = request.IsClone
            ? await WaitForCloneAsync(request.Namespace, request.ClaimToRead, cancellationToken)
            : await volumes.LocateAsync(request.Namespace, request.ClaimToRead, create: false, cancellationToken);
        return new VolumeBackup(await runs.BackupVolumeAsync(request.RunId, request.PolicyId, request.Application, request.ClaimName, folder, progress,
            cancellationToken, request.ExtraTags), []);
    }

    public async Task<RestoreResult> RestoreAsync(VolumeRestoreRequest request, CancellationToken cancellationToken)
    {
        var path = await volumes.LocateAsync(request.Namespace, request.ClaimName, create: true, cancellationToken);
        using var repository = await opener.OpenAsync(request.Target, request.CredentialsNamespace, createIfMissing: false, cancellationToken);
        return await repository.RestoreAsync(new RestoreRequest { SnapshotId = request.SnapshotId, TargetPath = path }, null, cancellationToken);
    }

    /// <summary>A clone's folder appears once the CSI driver has provisioned it.</summary>
    private async Task<string> WaitForCloneAsync(string @namespace, string claim, CancellationToken cancellationToken)
    {
        var deadline = clock.GetUtcNow() + CloneTimeout;
        while (true)
        {
            try
            {
                return await volumes.LocateAsync(@namespace, claim, create: false, cancellationToken);
            }
            catch (VolumeNotFoundException) when (clock.GetUtcNow() < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500), clock, cancellationToken);
            }
        }
    }
}

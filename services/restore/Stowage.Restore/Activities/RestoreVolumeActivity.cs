using Stowage.Common.Workflows;
using Dapr.Workflow;
using RestoredItem = Stowage.Contracts.Restores.RestoredItem;
using Stowage.Mover.Runtime.Repositories;
using Stowage.Mover.Runtime.Volumes;
using Stowage.Restore.Workflows;

namespace Stowage.Restore.Activities;

/// <summary>Restores one volume's snapshot into the target namespace's volume folder; every chunk is verified on the way.</summary>
internal sealed class RestoreVolumeActivity(RepositoryOpener opener, IVolumeLocator volumes) : TracedActivity<VolumeRestore, RestoredItem>
{
    protected override async Task<RestoredItem> ExecuteAsync(WorkflowActivityContext context, VolumeRestore restore)
    {
        var request = restore.Plan.Input.Request;
        var path = await volumes.LocateAsync(restore.Plan.TargetNamespace, restore.Volume.ClaimName, create: true, CancellationToken.None);
        using var repository = await opener.OpenAsync(request.Target, request.CredentialsNamespace, createIfMissing: false, CancellationToken.None);
        var result = await repository.RestoreAsync(new Stowage.Mover.Engine.Restore.RestoreRequest { SnapshotId = restore.Volume.SnapshotId, TargetPath = path }, null, CancellationToken.None);
        var note = result.Warnings.Count == 0 ? null : string.Join("; ", result.Warnings.Take(3));
        return new RestoredItem("Volume", restore.Volume.ClaimName, true, note is null ? $"{result.Files} files, {result.Bytes} bytes" : note);
    }
}

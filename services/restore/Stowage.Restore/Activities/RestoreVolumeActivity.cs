using Stowage.Common.Workflows;
using Dapr.Workflow;
using RestoredItem = Stowage.Contracts.Restores.RestoredItem;
using Stowage.Mover.Runtime.Jobs;
using Stowage.Mover.Runtime.Volumes;
using Stowage.Restore.Workflows;

namespace Stowage.Restore.Activities;

/// <summary>Restores one volume's snapshot into its claim in the target namespace; every chunk is verified on the way.</summary>
internal sealed class RestoreVolumeActivity(IVolumeDataPath volumes) : TracedActivity<VolumeRestore, RestoredItem>
{
    protected override async Task<RestoredItem> ExecuteAsync(WorkflowActivityContext context, VolumeRestore restore)
    {
        var request = restore.Plan.Input.Request;
        try
        {
            var result = await volumes.RestoreAsync(new VolumeRestoreRequest(request.Target, request.CredentialsNamespace, restore.Plan.TargetNamespace,
                restore.Volume.ClaimName, restore.Plan.Input.RestoreId, restore.Volume.SnapshotId), CancellationToken.None);
            var note = result.Warnings.Count == 0 ? null : string.Join("; ", result.Warnings.Take(3));
            return new RestoredItem("Volume", restore.Volume.ClaimName, true, note is null ? $"{result.Files} files, {result.Bytes} bytes" : note);
        }
        catch (VolumeJobFailedException ex)
        {
            // Kubernetes already retried the job's pod as often as allowed.
            return new RestoredItem("Volume", restore.Volume.ClaimName, false, ex.Message);
        }
    }
}

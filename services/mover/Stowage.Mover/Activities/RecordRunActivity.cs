using Stowage.Common.Workflows;
using Dapr.Workflow;
using Microsoft.Extensions.Options;
using Stowage.Mover.Runtime;
using Stowage.Contracts.Policies;
using Stowage.Mover.Applications;
using Stowage.Mover.Runtime.Repositories;
using Stowage.Mover.Runtime.Resources;
using Stowage.Mover.Runtime.Runs;
using Stowage.Mover.Workflows;

namespace Stowage.Mover.Activities;

/// <summary>
/// Stores the run's manifest in the repository: the application's resources read from the cluster and cleaned for
/// another one, and the snapshot of each copied volume. From then on the run is a backup any cluster can restore.
/// </summary>
internal sealed class RecordRunActivity(RepositoryOpener opener, ApplicationDirectory applications, TimeProvider clock, IOptions<MoverOptions> options,
    ResourceCollector? collector = null)
    : TracedActivity<RunRecord, string>
{
    protected override async Task<string> ExecuteAsync(WorkflowActivityContext context, RunRecord record)
    {
        var request = record.Request;
        var app = request.Spec.Application;
        var description = await applications.GetAsync(app.Namespace, app.Name, CancellationToken.None);
        var resources = description is not null && collector is not null
            ? (await collector.CollectAsync(description, CancellationToken.None)).Resources
            : [];
        var planned = record.Planned.ToDictionary(p => p.ClaimName);
        var volumes = record.Volumes.Where(v => v.Succeeded).Select(v =>
            new VolumeSnapshotRef(v.Volume, v.SnapshotId!, planned[v.Volume].StorageClass, planned[v.Volume].Size, v.BytesAdded)).ToList();
        var postRestore = (request.Spec.Hooks ?? []).Where(h => h.Phase == HookPhase.Post).ToList();
        var manifest = new RunManifest(request.RunId, request.PolicyId, app, clock.GetUtcNow(), description, resources, volumes, postRestore);

        using var repository = await opener.OpenAsync(request.Spec.Target, app.Namespace, createIfMissing: true, CancellationToken.None);
        var snapshot = await new RunRepository(repository, options.Value.ScratchRoot).RecordRunAsync(manifest, CancellationToken.None);
        return snapshot.Id;
    }
}

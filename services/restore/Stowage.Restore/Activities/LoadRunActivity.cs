using Stowage.Common.Workflows;
using Dapr.Workflow;
using Stowage.Mover.Runtime.Hooks;
using Stowage.Mover.Runtime.Runs;
using Stowage.Restore.Mapping;
using Stowage.Restore.Workflows;

namespace Stowage.Restore.Activities;

/// <summary>
/// Finds the run in the bucket (needing nothing but its address and credentials) and plans its restore. The plan
/// names the resources; their contents are read again from the bucket when they are created.
/// </summary>
internal sealed class LoadRunActivity(RunLookup lookup, PlanAuthorization authorization) : TracedActivity<RestoreInput, RestorePlan>
{
    protected override async Task<RestorePlan> ExecuteAsync(WorkflowActivityContext context, RestoreInput input)
    {
        var request = input.Request;
        RecordedRun? run;
        try
        {
            run = await lookup.FindAsync(request, request.RunId, CancellationToken.None);
        }
        catch (Exception ex) when (RunLookup.IsUnreadable(ex))
        {
            return Problem(input, $"The backups in bucket '{request.Target.Bucket}' cannot be read: {ex.Message}");
        }
        if (run is null)
        {
            return Problem(input, request.RunId is not null
                ? $"Bucket '{request.Target.Bucket}' holds no backup run '{request.RunId}'."
                : $"Bucket '{request.Target.Bucket}' holds no backup{(request.Application is null ? "" : $" of {request.Application}")}.");
        }

        var manifest = run.Manifest;
        var targetNamespace = request.TargetNamespace ?? manifest.Application.Namespace;
        if (ManifestNames.FindUnsafe(manifest, targetNamespace) is { } unsafeName)
            return Problem(input, $"Backup run '{manifest.RunId}' in bucket '{request.Target.Bucket}' names {unsafeName}; nothing was restored.");
        var planned = PlannedResources.Of(manifest, targetNamespace, request.StorageClassMap, input.RestoreId);
        if (await authorization.RefusalAsync(input.RequestedBy, manifest, targetNamespace, planned.All, manifest.PostRestoreHooks.Count > 0, CancellationToken.None) is { } refusal)
            return Problem(input, refusal);
        var claims = planned.Claims.Select(ResourceRef.Of).ToList();
        var afterData = planned.AfterData.Select((r, i) => ResourceRef.Of(r, claims.Count + i)).ToList();
        var pods = manifest.Description?.Pods.Where(p => p.IsMember).Select(p => p.Name).ToList() ?? [];
        var hooks = manifest.PostRestoreHooks.SelectMany(h => pods.DefaultIfEmpty(manifest.Application.Name).Select(pod =>
            new HookInvocation(targetNamespace, pod, h.Container, h.Command, TimeSpan.FromSeconds(h.TimeoutSeconds)))).ToList();
        return new RestorePlan(input, manifest.RunId, targetNamespace, claims, afterData, planned.Volumes, hooks, null);
    }

    private static RestorePlan Problem(RestoreInput input, string problem) => new(input, input.Request.RunId ?? "", "", [], [], [], [], problem);
}

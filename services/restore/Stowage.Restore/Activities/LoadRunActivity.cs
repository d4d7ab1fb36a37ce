using Stowage.Common.Workflows;
using System.Text.Json.Nodes;
using Dapr.Workflow;
using Stowage.Common.Targets;
using Stowage.Mover.Engine;
using Stowage.Mover.Runtime.Hooks;
using Stowage.Mover.Runtime.Repositories;
using Stowage.Mover.Runtime.Runs;
using Stowage.Restore.Mapping;
using Stowage.Restore.Workflows;

namespace Stowage.Restore.Activities;

/// <summary>Finds the run in the bucket (needing nothing but its address and credentials) and plans its restore.</summary>
internal sealed class LoadRunActivity(RepositoryOpener opener, PlanAuthorization authorization) : TracedActivity<RestoreInput, RestorePlan>
{
    protected override async Task<RestorePlan> ExecuteAsync(WorkflowActivityContext context, RestoreInput input)
    {
        var request = input.Request;
        RecordedRun? run;
        try
        {
            using var repository = await opener.OpenAsync(request.Target, request.CredentialsNamespace, createIfMissing: false, CancellationToken.None);
            var runs = await new RunRepository(repository).ListRunsAsync(null, CancellationToken.None);
            run = request.RunId is { } runId
                ? runs.FirstOrDefault(r => r.Manifest.RunId == runId)
                : runs.LastOrDefault(r => request.Application is null || r.Manifest.Application == request.Application);
        }
        catch (Exception ex) when (ex is WrongPasswordException or RepositoryLocationException or CredentialsUnavailableException or Amazon.S3.AmazonS3Exception or Stowage.Mover.Engine.Storage.ObjectMissingException)
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
        var classes = request.StorageClassMap ?? new Dictionary<string, string>();
        var volumes = manifest.Volumes.Select(v => v with { StorageClass = ResourceMapper.StorageClassOf(v.StorageClass, classes) }).ToList();
        var resources = manifest.Resources.Select(r => ResourceMapper.Map(r, targetNamespace, classes)).ToList();
        if (await authorization.RefusalAsync(input.RequestedBy, manifest, targetNamespace, resources, manifest.PostRestoreHooks.Count > 0, CancellationToken.None) is { } refusal)
            return Problem(input, refusal);
        var claims = RestoreOrder.Claims(resources, volumes).Select(c => Stamped(c, input.RestoreId)).ToList();
        var afterData = RestoreOrder.AfterData(resources).Select(r => Stamped(r, input.RestoreId)).ToList();
        var pods = manifest.Description?.Pods.Where(p => p.IsMember).Select(p => p.Name).ToList() ?? [];
        var hooks = manifest.PostRestoreHooks.SelectMany(h => pods.DefaultIfEmpty(manifest.Application.Name).Select(pod =>
            new HookInvocation(targetNamespace, pod, h.Container, h.Command, TimeSpan.FromSeconds(h.TimeoutSeconds)))).ToList();
        return new RestorePlan(input, manifest.RunId, targetNamespace, claims, afterData, volumes, hooks, null);
    }

    private static string Stamped(JsonObject resource, string restoreId)
    {
        RestoreLabel.Stamp(resource, restoreId);
        return resource.ToJsonString();
    }

    private static RestorePlan Problem(RestoreInput input, string problem) => new(input, input.Request.RunId ?? "", "", [], [], [], [], problem);
}

using Stowage.Common.Workflows;
using System.Net;
using System.Text.Json.Nodes;
using Dapr.Workflow;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Stowage.Contracts.Restores;
using Stowage.Mover.Runtime.Resources;
using Stowage.Restore.Mapping;
using Stowage.Restore.Workflows;

namespace Stowage.Restore.Activities;

/// <summary>
/// Creates a batch of the plan's resources in the target namespace (made if missing), in order, reading each from
/// the run in the bucket at this moment (a retried attempt reads again) so that its contents never pass through
/// workflow state. An object this restore made on an earlier attempt counts as created; one that appeared since the
/// conflict check is left as it is and reported as not restored; any other refusal is reported for that resource alone.
/// </summary>
internal sealed class RecreateResourcesActivity(IServiceProvider services, RunLookup lookup) : TracedActivity<ResourceBatch, List<RestoredItem>>
{
    protected override async Task<List<RestoredItem>> ExecuteAsync(WorkflowActivityContext context, ResourceBatch batch)
    {
        if (batch.Resources.Count == 0) return [];
        if (services.GetService<IKubernetes>() is not { } kubernetes) return FailAll(batch, "No Kubernetes API is reachable from the restore service.");

        IReadOnlyList<JsonObject> planned;
        try
        {
            var run = await lookup.FindAsync(batch.Input.Request, batch.RunId, CancellationToken.None);
            if (run is null) return FailAll(batch, $"backup run '{batch.RunId}' is no longer in bucket '{batch.Input.Request.Target.Bucket}'");
            planned = PlannedResources.Of(run.Manifest, batch.TargetNamespace, batch.Input.Request.StorageClassMap, batch.Input.RestoreId).All.ToList();
        }
        catch (Exception ex) when (RunLookup.IsUnreadable(ex))
        {
            return FailAll(batch, $"the backup could not be read again: {ex.Message}");
        }

        await EnsureNamespaceAsync(kubernetes, batch.TargetNamespace);
        var results = new List<RestoredItem>();
        foreach (var reference in batch.Resources)
        {
            results.Add(planned.FirstOrDefault(reference.Names) is { } resource
                ? await CreateAsync(kubernetes, resource, batch)
                : RestoredItems.Of(reference, false, $"no longer in backup run '{batch.RunId}'"));
        }
        return results;
    }

    private static async Task<RestoredItem> CreateAsync(IKubernetes kubernetes, JsonObject resource, ResourceBatch batch)
    {
        try
        {
            await ResourceKinds.CreateAsync(kubernetes, resource, batch.TargetNamespace, CancellationToken.None);
            return RestoredItems.Of(resource, true, null);
        }
        catch (HttpOperationException ex) when (ex.Response.StatusCode == HttpStatusCode.Conflict)
        {
            var existing = await ResourceKinds.ReadAsync(kubernetes, resource, batch.TargetNamespace, CancellationToken.None);
            return RestoreLabel.IsFrom(existing, batch.Input.RestoreId)
                ? RestoredItems.Of(resource, true, null)
                : RestoredItems.Of(resource, false, "already exists (made by someone else during the restore); left unchanged");
        }
        catch (Exception ex) when (ex is HttpOperationException or NotSupportedException or HttpRequestException)
        {
            return RestoredItems.Of(resource, false, ex is HttpOperationException http ? $"HTTP {(int)http.Response.StatusCode}: {http.Response.Content}" : ex.Message);
        }
    }

    private static List<RestoredItem> FailAll(ResourceBatch batch, string reason) => batch.Resources.Select(r => RestoredItems.Of(r, false, reason)).ToList();

    private static async Task EnsureNamespaceAsync(IKubernetes kubernetes, string name)
    {
        try
        {
            await kubernetes.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = name } });
        }
        catch (HttpOperationException ex) when (ex.Response.StatusCode == HttpStatusCode.Conflict)
        {
        }
    }
}

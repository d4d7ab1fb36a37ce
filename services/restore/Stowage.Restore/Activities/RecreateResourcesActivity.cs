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
/// Creates a batch of the plan's resources in the target namespace (made if missing), in order. An object this
/// restore made on an earlier attempt counts as created; one that appeared since the conflict check is left as it
/// is and reported as not restored; any other refusal is reported for that resource alone.
/// </summary>
internal sealed class RecreateResourcesActivity(IServiceProvider services) : TracedActivity<ResourceBatch, List<RestoredItem>>
{
    protected override async Task<List<RestoredItem>> ExecuteAsync(WorkflowActivityContext context, ResourceBatch batch)
    {
        var results = new List<RestoredItem>();
        if (batch.Resources.Count == 0) return results;
        if (services.GetService<IKubernetes>() is not { } kubernetes)
        {
            return batch.Resources.Select(r => RestoredItems.Of(r, false, "No Kubernetes API is reachable from the restore service.")).ToList();
        }

        await EnsureNamespaceAsync(kubernetes, batch.TargetNamespace);
        foreach (var json in batch.Resources)
        {
            var resource = JsonNode.Parse(json)!.AsObject();
            try
            {
                await ResourceKinds.CreateAsync(kubernetes, resource, batch.TargetNamespace, CancellationToken.None);
                results.Add(RestoredItems.Of(resource, true, null));
            }
            catch (HttpOperationException ex) when (ex.Response.StatusCode == HttpStatusCode.Conflict)
            {
                var existing = await ResourceKinds.ReadAsync(kubernetes, resource, batch.TargetNamespace, CancellationToken.None);
                results.Add(RestoreLabel.IsFrom(existing, batch.RestoreId)
                    ? RestoredItems.Of(resource, true, null)
                    : RestoredItems.Of(resource, false, "already exists (made by someone else during the restore); left unchanged"));
            }
            catch (Exception ex) when (ex is HttpOperationException or NotSupportedException or HttpRequestException)
            {
                results.Add(RestoredItems.Of(resource, false, ex is HttpOperationException http ? $"HTTP {(int)http.Response.StatusCode}: {http.Response.Content}" : ex.Message));
            }
        }
        return results;
    }

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

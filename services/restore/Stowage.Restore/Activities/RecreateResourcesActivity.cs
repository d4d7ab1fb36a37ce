using Stowage.Common.Workflows;
using System.Net;
using System.Text.Json.Nodes;
using Dapr.Workflow;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Stowage.Contracts.Restores;
using Stowage.Mover.Runtime.Resources;
using Stowage.Restore.Workflows;

namespace Stowage.Restore.Activities;

/// <summary>
/// Creates the run's resources in the target namespace (made if missing). A resource that already exists is left
/// as it is and reported so; any other refusal is reported for that resource alone.
/// </summary>
internal sealed class RecreateResourcesActivity(IServiceProvider services) : TracedActivity<RestorePlan, List<RestoredItem>>
{
    protected override async Task<List<RestoredItem>> ExecuteAsync(WorkflowActivityContext context, RestorePlan plan)
    {
        var results = new List<RestoredItem>();
        if (plan.Resources.Count == 0) return results;
        if (services.GetService<IKubernetes>() is not { } kubernetes)
        {
            return plan.Resources.Select(r => Item(JsonNode.Parse(r)!.AsObject(), false, "No Kubernetes API is reachable from the restore service.")).ToList();
        }

        await EnsureNamespaceAsync(kubernetes, plan.TargetNamespace);
        foreach (var json in plan.Resources)
        {
            var resource = JsonNode.Parse(json)!.AsObject();
            try
            {
                await ResourceKinds.CreateAsync(kubernetes, resource, plan.TargetNamespace, CancellationToken.None);
                results.Add(Item(resource, true, null));
            }
            catch (HttpOperationException ex) when (ex.Response.StatusCode == HttpStatusCode.Conflict)
            {
                results.Add(Item(resource, true, "already exists; left unchanged"));
            }
            catch (Exception ex) when (ex is HttpOperationException or NotSupportedException or HttpRequestException)
            {
                results.Add(Item(resource, false, ex is HttpOperationException http ? $"HTTP {(int)http.Response.StatusCode}: {http.Response.Content}" : ex.Message));
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

    private static RestoredItem Item(JsonObject resource, bool succeeded, string? note) =>
        new((string?)resource["kind"] ?? "?", (string?)resource["metadata"]?["name"] ?? "?", succeeded, note);
}

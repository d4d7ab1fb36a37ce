using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using Stowage.Contracts.Discovery;

namespace Stowage.Mover.Runtime.Resources;

/// <summary>Reads an application's resources from the cluster, cleaned for another cluster, and says what it could not read.</summary>
public sealed class ResourceCollector(IKubernetes kubernetes)
{
    public async Task<(IReadOnlyList<JsonObject> Resources, IReadOnlyList<string> Problems)> CollectAsync(ApplicationDescription application, CancellationToken ct)
    {
        var resources = new List<JsonObject>();
        var problems = new List<string>();
        foreach (var reference in application.Resources.Where(r => ResourceKinds.IsKept(r.Kind)))
        {
            try
            {
                var resource = await ResourceKinds.ReadAsync(kubernetes, reference.ApiVersion, reference.Kind, reference.Name, reference.Namespace ?? application.Namespace, ct);
                resources.Add(ResourceCleaner.Clean(resource));
            }
            catch (Exception ex) when (ex is HttpOperationException or NotSupportedException or HttpRequestException)
            {
                problems.Add($"{reference.Kind}/{reference.Name}: {ex.Message}");
            }
        }
        return (resources, problems);
    }
}

using Stowage.Discovery.Tests.Domain;
using Stowage.LocalCluster;

namespace Stowage.Discovery.Tests.Watching;

internal static class ClusterFixtures
{
    public static async Task SeedAsync(this FakeKubernetesApiServer server, params string[] files)
    {
        foreach (var file in files)
        {
            await server.ApplyManyAsync(await File.ReadAllTextAsync(FixtureInventory.PathOf(file)));
        }
    }

    /// <summary>Resizes a claim as the external resizer would: a single MODIFIED event on one object.</summary>
    public static async Task ResizeClaimAsync(this FakeKubernetesApiServer server, string ns, string name, string size)
    {
        var claim = server.Get("v1", "PersistentVolumeClaim", ns, name)!;
        claim["spec"]!["resources"]!["requests"]!["storage"] = size;
        claim["status"]!["capacity"]!["storage"] = size;
        await server.ApplyAsync(claim);
    }
}

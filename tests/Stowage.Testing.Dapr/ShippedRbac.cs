using Stowage.LocalCluster;

namespace Stowage.Testing.Dapr;

/// <summary>
/// The chart's RBAC manifests (deploy/helm/stowage/templates/rbac.yaml, copied beside the tests), applied to the
/// stand-in cluster as Helm would install them. The file is plain YAML but for the release namespace, which the
/// loader substitutes; it refuses any other template syntax, so the file cannot drift into what it cannot render.
/// </summary>
public static class ShippedRbac
{
    public static string Path => System.IO.Path.Combine(AppContext.BaseDirectory, "shipped", "rbac.yaml");

    public static async Task ApplyAsync(FakeKubernetesApiServer server, string releaseNamespace = "stowage") =>
        await server.ApplyManifestsAsync(await File.ReadAllTextAsync(Path), releaseNamespace);
}

using k8s;
using k8s.Models;
using Stowage.LocalCluster;

namespace Stowage.Local;

/// <summary>
/// Each service's own identity on the stand-in cluster, as the chart gives it: a ServiceAccount in the release
/// namespace, the chart's RBAC (deploy/helm/stowage/templates/rbac.yaml, the file Helm installs), and a token from the
/// TokenRequest API, as the kubelet projects one into the service's pod.
/// </summary>
internal static class ServiceIdentities
{
    public const string ReleaseNamespace = "stowage";

    /// <summary>The account restore commands run as (rbac.yaml makes it, bound to nothing).</summary>
    public const string CommandsAccount = "stowage-commands";

    // A local install's services read their token once, at start, and may stay up for days (demo --keep); a kubelet
    // would rotate a projected token instead.
    private const long TokenLifetimeSeconds = 30L * 24 * 3600;

    public static string RbacManifest => Path.Combine(ServiceBinaries.RepositoryRoot(), "deploy", "helm", "stowage", "templates", "rbac.yaml");

    /// <summary>Installs the accounts and the RBAC, then returns each service's token by its name ("policy", ...).</summary>
    public static async Task<IReadOnlyDictionary<string, string>> InstallAsync(FakeKubernetesApiServer cluster, IEnumerable<string> services)
    {
        await cluster.ApplyManifestsAsync(await File.ReadAllTextAsync(RbacManifest), ReleaseNamespace);
        using var admin = cluster.CreateClient();
        var tokens = new Dictionary<string, string>();
        foreach (var service in services)
        {
            var account = $"stowage-{service}";
            await cluster.ApplyAsync(new V1ServiceAccount
            {
                ApiVersion = "v1", Kind = "ServiceAccount",
                Metadata = new V1ObjectMeta { Name = account, NamespaceProperty = ReleaseNamespace },
            });
            var request = await admin.CoreV1.CreateNamespacedServiceAccountTokenAsync(
                new Authenticationv1TokenRequest { Spec = new V1TokenRequestSpec { ExpirationSeconds = TokenLifetimeSeconds } }, account, ReleaseNamespace);
            tokens[service] = request.Status.Token;
        }
        return tokens;
    }
}

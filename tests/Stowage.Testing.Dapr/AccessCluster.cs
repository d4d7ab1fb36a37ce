using System.Net.Http.Headers;
using Stowage.LocalCluster;

namespace Stowage.Testing.Dapr;

/// <summary>
/// The stand-in Kubernetes API that services ask who a caller is (TokenReview) and what they may do
/// (SubjectAccessReview), holding the user ClusterRoles the chart ships (stowage-view, -edit, -admin), and the
/// callers tests act as: the cluster admin, or users bound to a shipped role in some namespaces.
/// </summary>
public sealed class AccessCluster : IAsyncDisposable
{
    private AccessCluster(FakeKubernetesApiServer server) => Server = server;

    public FakeKubernetesApiServer Server { get; }

    public string AdminToken => Server.AdminToken;

    /// <summary>Settings that point a service at this cluster, acting as the admin (these tests are not about the service's own rights).</summary>
    public IReadOnlyDictionary<string, string?> ServiceSettings => new Dictionary<string, string?>
    {
        ["Kubernetes:Url"] = Server.Url,
        ["Kubernetes:Token"] = Server.AdminToken,
        ["Access:CacheFor"] = "00:00:00",
    };

    public static async Task<AccessCluster> StartAsync(FakeKubernetesApiServerOptions? options = null)
    {
        var server = await FakeKubernetesApiServer.StartAsync(options);
        await ShippedRbac.ApplyAsync(server);
        return new AccessCluster(server);
    }

    /// <summary>A token for <paramref name="user"/>, bound to the shipped ClusterRole <paramref name="role"/> in each namespace.</summary>
    public Task<string> UserAsync(string user, string role, params string[] namespaces) => RoleBindings.UserAsync(Server, user, role, namespaces);

    /// <summary>A client for <paramref name="baseAddress"/> that sends <paramref name="token"/> as its bearer token.</summary>
    public static HttpClient ClientFor(HttpClient template, string? token)
    {
        var client = new HttpClient(new HttpClientHandler()) { BaseAddress = template.BaseAddress, Timeout = template.Timeout };
        if (token is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}

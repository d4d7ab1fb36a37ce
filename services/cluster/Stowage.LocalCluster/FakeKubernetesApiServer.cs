using System.Net;
using System.Text.Json.Nodes;
using k8s;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Stowage.LocalCluster.Authentication;
using Stowage.LocalCluster.Authorization;
using Stowage.LocalCluster.Http;
using Stowage.LocalCluster.Resources;
using Stowage.LocalCluster.Storage;

namespace Stowage.LocalCluster;

/// <summary>
/// An in-process Kubernetes API server on 127.0.0.1 that serves real Kubernetes JSON: discovery, list, get, create,
/// replace, merge-patch, delete and watch for built-in kinds and for kinds declared by CustomResourceDefinitions, and pod exec.
/// Good enough for KubernetesClient and <c>kubectl --server URL --validate=false</c>; it has no admission. Behind it run
/// nodes, a scheduler, a kubelet that runs pods of known images as local processes, and the Job, StatefulSet,
/// volume and garbage-collection controllers (see <c>Controllers/</c>, <c>Kubelet/</c>, <c>Scheduling/</c>) when
/// <see cref="FakeKubernetesApiServerOptions.RunWorkloads"/> is set.
/// </summary>
public sealed partial class FakeKubernetesApiServer : IAsyncDisposable
{
    private readonly ResourceTypeRegistry registry = new();
    private readonly ObjectStore store = new();
    private readonly HashSet<string> deniedNamespaces = [];
    private readonly TokenAuthenticator tokens;
    private CancellationTokenSource dropWatches = new();
    private int watchRequests;
    private WebApplication? host;

    private FakeKubernetesApiServer()
    {
        tokens = new TokenAuthenticator(store, TimeProvider.System);
        AdminToken = tokens.IssueStatic(AdminUser, [UserInfo.Masters]);
    }

    /// <summary>The user <see cref="AdminToken"/> authenticates as, as in kubeadm's admin.conf.</summary>
    public const string AdminUser = "kubernetes-admin";

    /// <summary>The server's base address, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string Url { get; private set; } = "";

    /// <summary>The resourceVersion of the latest change.</summary>
    public long ResourceVersion => store.CurrentVersion;

    /// <summary>How many watch connections are open now.</summary>
    public int OpenWatchCount => store.OpenWatches;

    /// <summary>How many watch requests the server has received since it started.</summary>
    public int WatchRequestCount => Volatile.Read(ref watchRequests);

    /// <summary>Starts a server on a free loopback port.</summary>
    public static async Task<FakeKubernetesApiServer> StartAsync(FakeKubernetesApiServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new FakeKubernetesApiServerOptions();
        var server = new FakeKubernetesApiServer();
        server.RegisterBuiltIns(options);
        server.StartCluster(options);
        await server.StartHostAsync(options.Authorization, cancellationToken);
        return server;
    }

    /// <summary>A KubernetesClient configuration pointing at this server, with <see cref="AdminToken"/>.</summary>
    public KubernetesClientConfiguration CreateClientConfiguration() => CreateClientConfiguration(AdminToken);

    /// <summary>A KubernetesClient configuration pointing at this server that sends <paramref name="token"/> as its bearer token.</summary>
    public KubernetesClientConfiguration CreateClientConfiguration(string token) => new() { Host = Url, AccessToken = token };

    /// <summary>A KubernetesClient pointing at this server, as <see cref="AdminUser"/>.</summary>
    public IKubernetes CreateClient() => new k8s.Kubernetes(CreateClientConfiguration());

    /// <summary>A KubernetesClient pointing at this server that authenticates with <paramref name="token"/>.</summary>
    public IKubernetes CreateClient(string token) => new k8s.Kubernetes(CreateClientConfiguration(token));

    /// <summary>Serves one more kind without a CustomResourceDefinition object.</summary>
    public void RegisterResource(FakeResourceType type) => registry.Register(type);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        DropWatches();
        if (host is not null)
        {
            await host.StopAsync();
            await host.DisposeAsync();
        }
        if (cluster is not null)
        {
            await cluster.DisposeAsync();
        }
    }

    private void RegisterBuiltIns(FakeKubernetesApiServerOptions options)
    {
        foreach (var type in BuiltInResourceTypes.Core().Concat(options.WithVolumeSnapshotApi ? BuiltInResourceTypes.Snapshots() : []))
        {
            registry.Register(type);
        }
        store.Changed += RegisterCustomResources;
        store.Changed += DeleteNamespaceContents;
        store.Changed += new ClusterRoleAggregator(store).OnChange;
        foreach (var ns in options.Namespaces)
        {
            store.Create(BuiltInResourceTypes.Namespaces, null, new JsonObject { ["metadata"] = new JsonObject { ["name"] = ns } });
        }
        foreach (var role in BootstrapPolicy.ClusterRoles())
        {
            store.Create(BuiltInResourceTypes.ClusterRoles, null, role);
        }
        foreach (var binding in BootstrapPolicy.ClusterRoleBindings())
        {
            store.Create(BuiltInResourceTypes.ClusterRoleBindings, null, binding);
        }
    }

    private void RegisterCustomResources(StoreEvent change)
    {
        if (change.ResourceType != BuiltInResourceTypes.CustomResourceDefinitions)
        {
            return;
        }
        var declared = ResourceTypeRegistry.DeclaredBy(change.Object).ToList();
        foreach (var type in declared)
        {
            if (change.Type == "DELETED")
            {
                registry.Unregister(type);
            }
            else
            {
                registry.Register(type);
            }
        }
    }

    /// <summary>Deleting a namespace deletes what is in it at once (a real server does it in the background).</summary>
    private void DeleteNamespaceContents(StoreEvent change)
    {
        if (change.ResourceType != BuiltInResourceTypes.Namespaces || change.Type != "DELETED")
        {
            return;
        }
        var ns = ObjectMetadata.Name(change.Object);
        foreach (var type in registry.All().Where(type => type.Namespaced).DistinctBy(type => (type.Group, type.Plural)))
        {
            foreach (var obj in store.List(type, ns, LabelSelector.Everything, FieldSelector.Everything).Items)
            {
                store.Delete(type, ns, ObjectMetadata.Name(obj)!);
            }
        }
    }

    private async Task StartHostAsync(bool enforceAuthorization, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        host = builder.Build();
        var watches = new WatchStreamer(store, () =>
        {
            Interlocked.Increment(ref watchRequests);
            return dropWatches.Token;
        });
        var authorizer = new RbacAuthorizer(store);
        var admin = tokens.Authenticate(AdminToken, []).User!;
        var access = new RequestAccess(tokens, authorizer, admin, enforceAuthorization, IsDenied);
        var resources = new ResourceHandler(store, watches, new ExecStreamer(store, RunExecAsync), new TokenRequestHandler(store, tokens, TimeProvider.System))
        {
            Logs = new LogStreamer(store, (uid, container) => cluster?.Kubelet.LogOf(uid, container)),
            BeforeDelete = (context, request) => Controllers.DeletePropagation.PrepareAsync(context, store, registry, request),
        };
        var router = new ApiRouter(registry, access, new ReviewHandler(tokens, authorizer), resources, () => new Uri(Url).Authority);
        host.UseWebSockets();
        host.Run(router.RouteAsync);
        await host.StartAsync(cancellationToken);
        Url = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }
}

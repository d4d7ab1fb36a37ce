using Microsoft.AspNetCore.Mvc.Testing;
using Stowage.LocalCluster;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Stowage.Discovery.Publishing;
using Stowage.Discovery.Runtime;

namespace Stowage.Discovery.Tests.Watching;

/// <summary>The real discovery service host, pointed at a fake API server, publishing into a recorder.</summary>
internal sealed class DiscoveryHost : IAsyncDisposable
{
    private readonly WebApplicationFactory<Program> factory;

    private DiscoveryHost(string kubernetesUrl, string? token, IReadOnlyList<string> namespaces, string? catalogFolder, IAnnouncedApplicationStore store)
    {
        factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            // The service watches, and reviews its callers, through this API server with this token.
            host.UseSetting("Kubernetes:Url", kubernetesUrl);
            host.UseSetting("Kubernetes:Token", token);
            host.UseSetting("Discovery:SettleDelay", "00:00:00.300");
            host.UseSetting("Discovery:RetryDelay", "00:00:00.100");
            host.UseSetting("Discovery:DeniedRetryDelay", "00:00:00.500");
            for (var i = 0; i < namespaces.Count; i++)
            {
                host.UseSetting($"Discovery:Namespaces:{i}", namespaces[i]);
            }
            if (catalogFolder is not null)
            {
                host.UseSetting("Discovery:CatalogDirectories:0", catalogFolder);
            }
            host.ConfigureTestServices(services =>
            {
                services.AddSingleton<IApplicationEventPublisher>(Events);
                services.AddSingleton(store);
            });
        });
        Http = factory.CreateClient();
        Http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token ?? "no-cluster-to-review-it");
    }

    public RecordingApplicationEventPublisher Events { get; } = new();

    public HttpClient Http { get; }

    public static DiscoveryHost Start(
        FakeKubernetesApiServer server, IReadOnlyList<string>? namespaces = null, string? catalogFolder = null, IAnnouncedApplicationStore? store = null) =>
        new(server.Url, server.AdminToken, namespaces ?? [], catalogFolder, store ?? new InMemoryAnnouncedApplicationStore());

    /// <summary>Discovery pointed at an address where no API server answers.</summary>
    public static DiscoveryHost StartWithoutCluster(string kubernetesUrl) => new(kubernetesUrl, null, [], null, new InMemoryAnnouncedApplicationStore());

    public T Service<T>()
        where T : notnull => factory.Services.GetRequiredService<T>();

    /// <summary>Waits until every watcher has listed and the last reconcile pass saw the inventory as it is.</summary>
    public Task CaughtUpAsync() => Eventually.TrueAsync(() => Service<DiscoveryReconciler>().IsCaughtUp, "discovery to catch up");

    public Task EventsAsync(Func<IReadOnlyList<string>, bool> condition, string what) =>
        Eventually.TrueAsync(() => condition(Events.Describe()), () => what + "; events so far: " + string.Join(" | ", Events.Describe()));

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await factory.DisposeAsync();
    }
}

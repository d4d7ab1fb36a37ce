using Stowage.LocalCluster;

namespace Stowage.Discovery.Tests.Watching;

public sealed class RestartTests : IAsyncLifetime
{
    private FakeKubernetesApiServer server = null!;

    public async Task InitializeAsync() => server = await FakeKubernetesApiServer.StartAsync();

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task A_restarted_service_announces_only_what_changed_while_it_was_down()
    {
        var store = new InMemoryAnnouncedApplicationStore();
        await server.SeedAsync("cluster-storage.json", "deployment-with-pvc.json", "cnpg-cluster.json");
        await using (var first = DiscoveryHost.Start(server, store: store))
        {
            await first.EventsAsync(events => events.Count == 2, "both applications");
            await first.CaughtUpAsync();
        }

        await server.ResizeClaimAsync("team-a", "wiki-data", "50Gi");
        await server.SeedAsync("unlabeled-pods.json");
        await using var second = DiscoveryHost.Start(server, store: store);
        await second.EventsAsync(events => events.Count >= 2, "the changes made while discovery was down");
        await second.CaughtUpAsync();

        Assert.Equal(["changed team-a/wiki [volumes]", "discovered legacy/scratch"], second.Events.Describe().Order());
    }

    [Fact]
    public async Task An_event_that_could_not_be_published_is_published_once_when_pub_sub_is_back()
    {
        await server.SeedAsync("cluster-storage.json", "deployment-with-pvc.json");
        await using var discovery = DiscoveryHost.Start(server);
        discovery.Events.FailNext(2);

        await discovery.EventsAsync(events => events.Count == 1, "the wiki once pub/sub accepts it");
        await discovery.CaughtUpAsync();

        Assert.Equal(2, discovery.Events.Failures);
        Assert.Equal(["discovered team-a/wiki"], discovery.Events.Describe());
    }
}

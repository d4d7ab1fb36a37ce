using Stowage.Contracts.Discovery;
using Stowage.Discovery.Runtime;
using Stowage.LocalCluster;

namespace Stowage.Discovery.Tests.Watching;

public sealed class WatchEventTests : IAsyncLifetime
{
    private FakeKubernetesApiServer server = null!;

    public async Task InitializeAsync() => server = await FakeKubernetesApiServer.StartAsync();

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task Applications_present_at_start_are_each_discovered_once()
    {
        await server.SeedAsync("cluster-storage.json", "minio-helm.json", "cassandra-ring.json", "cnpg-cluster.json", "deployment-with-pvc.json", "unlabeled-pods.json");
        await using var discovery = DiscoveryHost.Start(server);

        await discovery.EventsAsync(events => events.Count >= 5, "five applications");
        await discovery.CaughtUpAsync();

        Assert.Equal(
            ["discovered cassandra/cassandra-cluster1", "discovered legacy/scratch", "discovered payments/pg-main", "discovered storage/minio", "discovered team-a/wiki"],
            discovery.Events.Describe());
        Assert.Equal(5, discovery.Events.All.Select(e => e.EventId).Distinct().Count());
    }

    [Fact]
    public async Task Adding_changing_and_deleting_through_the_watch_gives_one_event_each()
    {
        await server.SeedAsync("cluster-storage.json", "deployment-with-pvc.json");
        await using var discovery = DiscoveryHost.Start(server);
        await discovery.EventsAsync(events => events.Contains("discovered team-a/wiki"), "the wiki");
        await discovery.CaughtUpAsync();

        await server.SeedAsync("minio-helm.json");
        await discovery.EventsAsync(events => events.Contains("discovered storage/minio"), "MinIO to be added");
        await server.ResizeClaimAsync("team-a", "wiki-data", "20Gi");
        await discovery.EventsAsync(events => events.Any(e => e.StartsWith("changed team-a/wiki")), "the resize");
        foreach (var obj in server.List("v1", "Pod", "team-a").Concat(server.List("v1", "PersistentVolumeClaim", "team-a")).Concat(server.List("apps/v1", "Deployment", "team-a")))
        {
            await server.DeleteAsync(obj);
        }
        await discovery.EventsAsync(events => events.Contains("removed team-a/wiki"), "the wiki to be removed");
        await discovery.CaughtUpAsync();

        Assert.Equal(["discovered team-a/wiki", "discovered storage/minio", "changed team-a/wiki [volumes]", "removed team-a/wiki"], discovery.Events.Describe());
        var changed = Assert.Single(discovery.Events.Of<ApplicationChanged>());
        Assert.Equal("20Gi", Assert.Single(changed.Application.Volumes).Size);
        Assert.Equal(discovery.Events.Of<ApplicationDiscovered>()[0].Application.ContentHash, changed.PreviousContentHash);
    }

    [Fact]
    public async Task A_secret_added_through_the_watch_joins_its_application_by_name_only()
    {
        await server.SeedAsync("cluster-storage.json", "deployment-with-pvc.json");
        await using var discovery = DiscoveryHost.Start(server);
        await discovery.EventsAsync(events => events.Count == 1, "the wiki");

        await server.ApplyAsync("""
            {"apiVersion":"v1","kind":"Secret","metadata":{"name":"wiki-admin","namespace":"team-a","labels":{"app.kubernetes.io/instance":"wiki"}},
             "type":"Opaque","data":{"password":"aHVudGVyMg=="}}
            """);
        await discovery.EventsAsync(events => events.Count == 2, "the secret to join the wiki");

        var changed = Assert.Single(discovery.Events.Of<ApplicationChanged>());
        Assert.Equal([ApplicationAspects.Resources], changed.Changes);
        Assert.Contains(changed.Application.Resources, r => r is { Kind: "Secret", Name: "wiki-admin" });
    }

    [Fact]
    public async Task A_dropped_watch_resumes_from_its_resource_version_without_duplicates_or_misses()
    {
        await server.SeedAsync("cluster-storage.json", "deployment-with-pvc.json");
        await using var discovery = DiscoveryHost.Start(server);
        await discovery.EventsAsync(events => events.Count == 1, "the wiki");
        await discovery.CaughtUpAsync();
        var watchesBefore = server.WatchRequestCount;

        server.DropWatches();
        await server.ResizeClaimAsync("team-a", "wiki-data", "30Gi");
        await server.SeedAsync("unlabeled-pods.json");
        await discovery.EventsAsync(events => events.Count >= 3, "the changes made while the watches were down");
        await Eventually.TrueAsync(() => server.WatchRequestCount >= watchesBefore + Watchers(discovery).Count, "every watch to reconnect");
        await discovery.CaughtUpAsync();

        Assert.Equal("discovered team-a/wiki", discovery.Events.Describe()[0]);
        Assert.Equal(["changed team-a/wiki [volumes]", "discovered legacy/scratch"], discovery.Events.Describe().Skip(1).Order());
        Assert.All(Watchers(discovery), watcher => Assert.Equal(1, watcher.Lists));
    }

    [Fact]
    public async Task A_410_gone_relists_and_finds_what_was_missed_and_a_relist_without_changes_publishes_nothing()
    {
        await server.SeedAsync("cluster-storage.json", "deployment-with-pvc.json");
        await using var discovery = DiscoveryHost.Start(server);
        await discovery.EventsAsync(events => events.Count == 1, "the wiki");
        await discovery.CaughtUpAsync();

        server.DropWatches();
        await server.ResizeClaimAsync("team-a", "wiki-data", "40Gi");
        server.CompactHistory();
        await discovery.EventsAsync(events => events.Count >= 2, "the change hidden behind the 410");
        await Eventually.TrueAsync(() => Watchers(discovery).All(w => w.Lists >= 2), "every watcher to list again after 410 Gone");
        await discovery.CaughtUpAsync();
        server.DropWatches();
        await server.ApplyAsync("""{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"moves-the-resource-version"}}""");
        server.CompactHistory();
        await Eventually.TrueAsync(() => Watchers(discovery).All(w => w.Lists >= 3), "every watcher to list a second time");
        await discovery.CaughtUpAsync();

        Assert.Equal(["discovered team-a/wiki", "changed team-a/wiki [volumes]"], discovery.Events.Describe());
    }

    private static IReadOnlyList<WatcherStatus> Watchers(DiscoveryHost discovery) => discovery.Service<DiscoveryStatusBoard>().Watchers;
}

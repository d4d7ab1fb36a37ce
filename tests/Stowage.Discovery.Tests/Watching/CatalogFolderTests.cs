using Stowage.Contracts.Discovery;
using Stowage.LocalCluster;

namespace Stowage.Discovery.Tests.Watching;

public sealed class CatalogFolderTests : IAsyncLifetime
{
    private readonly string catalogFolder = Directory.CreateTempSubdirectory("stowage-user-catalog-").FullName;
    private FakeKubernetesApiServer server = null!;

    public async Task InitializeAsync() => server = await FakeKubernetesApiServer.StartAsync();

    public async Task DisposeAsync()
    {
        await server.DisposeAsync();
        Directory.Delete(catalogFolder, recursive: true);
    }

    [Fact]
    public async Task A_catalog_file_dropped_into_the_folder_reclassifies_running_applications()
    {
        await server.SeedAsync("cluster-storage.json", "deployment-with-pvc.json");
        await using var discovery = DiscoveryHost.Start(server, catalogFolder: catalogFolder);
        await discovery.EventsAsync(events => events.Contains("discovered team-a/wiki"), "the wiki as a generic workload");

        await File.WriteAllTextAsync(Path.Combine(catalogFolder, "wiki-js.yaml"), """
            name: wiki-js
            displayName: Wiki.js
            detect:
              images: [wiki]
              ports: [3000]
            hooks:
              before:
                - containers: [wiki]
                  command: [sh, -c, "sync"]
            policy: { interval: 12h, keepLast: 10 }
            restoreNotes: Restore the data volume; the wiki re-indexes on start.
            """);

        await discovery.EventsAsync(events => events.Any(e => e.StartsWith("changed team-a/wiki")), "the wiki to be reclassified");
        var changed = Assert.Single(discovery.Events.Of<ApplicationChanged>());
        Assert.Equal("wiki-js", changed.Application.Kind.Name);
        Assert.Contains(ApplicationAspects.Kind, changed.Changes);
        Assert.Contains(ApplicationAspects.Hooks, changed.Changes);
        Assert.Equal(TimeSpan.FromHours(12), changed.Application.SuggestedPolicy.Interval);
    }
}

using k8s;
using k8s.Models;

namespace Stowage.Discovery.Tests.FakeKubernetes;

public sealed class FakeServerWatchTests(FakeServerFixture fixture) : IClassFixture<FakeServerFixture>
{
    private readonly TimeSpan timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Watch_reports_added_modified_and_deleted_pods_in_order()
    {
        var server = fixture.Server;
        using var client = server.CreateClient();
        await server.ApplyAsync(PodFactory.Pod("watch-order", "before"));
        var list = await client.CoreV1.ListNamespacedPodAsync("watch-order");
        using var cancel = new CancellationTokenSource(timeout);
        var events = PodWatch.ReadEventsAsync(client, "watch-order", list.ResourceVersion(), 3, cancel.Token);

        await server.ApplyAsync(PodFactory.Pod("watch-order", "web"));
        await server.ApplyAsync(PodFactory.Pod("watch-order", "web", image: "nginx:1.28"));
        await server.DeleteAsync("v1", "Pod", "watch-order", "web");

        var seen = await events;
        Assert.Equal([WatchEventType.Added, WatchEventType.Modified, WatchEventType.Deleted], seen.Select(e => e.Type));
        Assert.Equal("nginx:1.28", seen[1].Pod.Spec.Containers[0].Image);
        Assert.All(seen, e => Assert.Equal("web", e.Pod.Name()));
    }

    [Fact]
    public async Task Watch_from_an_old_resource_version_replays_what_happened_since()
    {
        var server = fixture.Server;
        using var client = server.CreateClient();
        var start = (await client.CoreV1.ListNamespacedPodAsync("watch-replay")).ResourceVersion();
        await server.ApplyAsync(PodFactory.Pod("watch-replay", "missed-while-away"));
        using var cancel = new CancellationTokenSource(timeout);

        var seen = await PodWatch.ReadEventsAsync(client, "watch-replay", start, 1, cancel.Token);

        Assert.Equal(WatchEventType.Added, seen[0].Type);
        Assert.Equal("missed-while-away", seen[0].Pod.Name());
    }

    [Fact]
    public async Task Watch_without_resource_version_starts_with_the_current_objects()
    {
        var server = fixture.Server;
        using var client = server.CreateClient();
        await server.ApplyAsync(new V1ConfigMap { ApiVersion = "v1", Kind = "ConfigMap", Metadata = new V1ObjectMeta { Name = "not-a-pod", NamespaceProperty = "watch-initial" } });
        await server.ApplyAsync(PodFactory.Pod("watch-initial", "existing"));
        using var cancel = new CancellationTokenSource(timeout);

        var seen = await PodWatch.ReadEventsAsync(client, "watch-initial", null, 1, cancel.Token);
        await server.ApplyAsync(PodFactory.Pod("watch-initial", "next"));
        var next = await PodWatch.ReadEventsAsync(client, "watch-initial", null, 2, cancel.Token);

        Assert.Equal((WatchEventType.Added, "existing"), (seen[0].Type, seen[0].Pod.Name()));
        Assert.Equal(["existing", "next"], next.Select(e => e.Pod.Name()));
    }

    [Fact]
    public async Task A_selector_watch_sees_objects_enter_and_leave_the_selection()
    {
        var server = fixture.Server;
        using var client = server.CreateClient();
        var start = (await client.CoreV1.ListNamespacedPodAsync("watch-selector")).ResourceVersion();
        using var cancel = new CancellationTokenSource(timeout);
        var seen = new List<(WatchEventType, string)>();
        var watching = Task.Run(async () =>
        {
            await foreach (var (type, pod) in client.CoreV1.WatchListNamespacedPodAsync("watch-selector", labelSelector: "role=primary", resourceVersion: start, cancellationToken: cancel.Token))
            {
                seen.Add((type, pod.Name()));
                if (seen.Count == 2)
                {
                    return;
                }
            }
        });

        await server.ApplyAsync(PodFactory.Pod("watch-selector", "db-0", new Dictionary<string, string> { ["role"] = "replica" }));
        await server.ApplyAsync(PodFactory.Pod("watch-selector", "db-0", new Dictionary<string, string> { ["role"] = "primary" }));
        await server.ApplyAsync(PodFactory.Pod("watch-selector", "db-0", new Dictionary<string, string> { ["role"] = "replica" }));
        await watching;

        Assert.Equal([(WatchEventType.Added, "db-0"), (WatchEventType.Deleted, "db-0")], seen);
    }

    [Fact]
    public async Task The_older_list_with_watch_true_style_also_streams_events()
    {
        var server = fixture.Server;
        using var client = server.CreateClient();
        await server.ApplyAsync(PodFactory.Pod("watch-legacy", "existing"));
        using var cancel = new CancellationTokenSource(timeout);
        // Callers written against older KubernetesClient versions still use this path; it must keep working.
#pragma warning disable CS0618
        var events = client.CoreV1.ListNamespacedPodWithHttpMessagesAsync("watch-legacy", watch: true, cancellationToken: cancel.Token)
            .WatchAsync<V1Pod, V1PodList>(cancellationToken: cancel.Token);
#pragma warning restore CS0618

        await foreach (var (type, pod) in events)
        {
            Assert.Equal((WatchEventType.Added, "existing"), (type, pod.Name()));
            break;
        }
    }
}

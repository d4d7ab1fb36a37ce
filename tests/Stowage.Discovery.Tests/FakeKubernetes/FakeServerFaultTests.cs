using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Stowage.Discovery.Tests.FakeKubernetes;

public sealed class FakeServerFaultTests(FakeServerFixture fixture) : IClassFixture<FakeServerFixture>
{
    private readonly TimeSpan timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Watch_from_a_compacted_resource_version_ends_with_410_gone()
    {
        var server = fixture.Server;
        using var client = server.CreateClient();
        var start = (await client.CoreV1.ListNamespacedPodAsync("watch-gone")).ResourceVersion();
        await server.ApplyAsync(PodFactory.Pod("watch-gone", "after-start"));
        server.CompactHistory();
        using var cancel = new CancellationTokenSource(timeout);

        var errors = new List<Exception>();

        var seen = await PodWatch.ReadEventsAsync(client, "watch-gone", start, 1, cancel.Token, errors.Add);

        Assert.Empty(seen);
        var error = Assert.IsType<KubernetesException>(Assert.Single(errors));
        Assert.Equal(410, error.Status.Code);
        Assert.Equal("Expired", error.Status.Reason);
    }

    [Fact]
    public async Task Dropping_watches_cuts_open_connections()
    {
        var server = fixture.Server;
        using var client = server.CreateClient();
        using var cancel = new CancellationTokenSource(timeout);
        var watching = PodWatch.ReadEventsAsync(client, "watch-drop", server.ResourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture), int.MaxValue, cancel.Token);
        await Eventually.TrueAsync(() => server.OpenWatchCount > 0, "the watch to open");

        server.DropWatches();

        var ended = await Record.ExceptionAsync(() => watching);
        Assert.False(cancel.IsCancellationRequested, "the watch should end because of the drop, not the test timeout");
        Assert.True(ended is null or HttpRequestException or IOException, $"unexpected {ended}");
    }

    [Fact]
    public async Task A_denied_namespace_answers_403_and_others_still_answer()
    {
        var server = fixture.Server;
        using var client = server.CreateClient();
        server.DenyNamespace("watch-denied");

        var error = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.ListNamespacedPodAsync("watch-denied"));
        var allowed = await client.CoreV1.ListNamespacedPodAsync("watch-allowed");

        Assert.Equal(System.Net.HttpStatusCode.Forbidden, error.Response.StatusCode);
        Assert.Empty(allowed.Items);
    }
}

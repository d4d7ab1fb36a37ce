using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Stowage.Contracts.Discovery;
using Stowage.Discovery.Tests.Watching;
using Stowage.LocalCluster;

namespace Stowage.Discovery.Tests.Host;

public sealed class DiscoveryHostTests : IAsyncLifetime
{
    private FakeKubernetesApiServer server = null!;

    public async Task InitializeAsync() => server = await FakeKubernetesApiServer.StartAsync();

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task The_host_answers_health_openapi_and_the_applications_api()
    {
        await server.SeedAsync("cluster-storage.json", "cnpg-cluster.json", "minio-helm.json");
        await using var discovery = DiscoveryHost.Start(server);
        await discovery.EventsAsync(events => events.Count == 2, "both applications");

        var health = await discovery.Http.GetAsync("/healthz");
        var openApi = await discovery.Http.GetStringAsync("/openapi/v1.json");
        var all = await discovery.Http.GetFromJsonAsync<List<ApplicationDescription>>("/applications");
        var postgres = await discovery.Http.GetFromJsonAsync<List<ApplicationDescription>>("/applications?kind=postgresql");
        var inStorage = await discovery.Http.GetFromJsonAsync<List<ApplicationDescription>>("/applications?namespace=storage");
        var one = await discovery.Http.GetFromJsonAsync<ApplicationDescription>("/applications/payments/pg-main");
        var missing = await discovery.Http.GetAsync("/applications/payments/nope");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        var paths = JsonDocument.Parse(openApi).RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/applications", out _));
        Assert.True(paths.TryGetProperty("/applications/{namespace}/{name}", out _));
        Assert.Equal(["payments/pg-main", "storage/minio"], all!.Select(a => a.Id));
        Assert.Equal("payments/pg-main", Assert.Single(postgres!).Id);
        Assert.Equal("storage/minio", Assert.Single(inStorage!).Id);
        Assert.Equal(["pg-main-1"], one!.Members.SelectedPods);
        Assert.Contains(one.Resources, r => r is { Kind: "Secret", Name: "pg-main-app" });
        Assert.Contains(all!.Single(a => a.Name == "minio").Resources, r => r is { Kind: "Secret", Name: "minio" });
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Without_a_reachable_cluster_the_host_still_starts_and_refuses_callers_it_cannot_review()
    {
        await using var discovery = DiscoveryHost.StartWithoutCluster("http://127.0.0.1:1");

        var health = await discovery.Http.GetAsync("/healthz");
        var applications = await discovery.Http.GetAsync("/applications");

        Assert.True(health.StatusCode == HttpStatusCode.OK, await health.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, applications.StatusCode);
        Assert.Contains("could not review", await applications.Content.ReadAsStringAsync());
    }
}

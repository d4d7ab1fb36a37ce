using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Stowage.Contracts.Policies;
using Stowage.Contracts.Restores;
using Stowage.Restore.Api;
using Stowage.Testing.Dapr;

namespace Stowage.Restore.Tests.Api;

/// <summary>A restore or a backup listing cannot be pointed at the cluster's own network: 400 naming the field, nothing sent.</summary>
public sealed class RestoreTargetAddressTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>, IAsyncLifetime
{
    private AccessCluster cluster = null!;

    public async Task InitializeAsync() => cluster = await AccessCluster.StartAsync();

    public async Task DisposeAsync() => await cluster.DisposeAsync();

    private HttpClient Client(string? token = null)
    {
        var client = factory.WithWebHostBuilder(web =>
        {
            foreach (var (key, value) in cluster.ServiceSettings) web.UseSetting(key, value);
        }).CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token ?? cluster.AdminToken);
        return client;
    }

    private static BackupTarget At(string endpoint) =>
        new(TargetProviders.GenericS3, "team-bucket", new CredentialsRef(ConfigurationName: "t"), Endpoint: endpoint, Region: "us-east-1");

    [Theory]
    [InlineData("http://169.254.169.254/")]
    [InlineData("http://localhost:{port}")]
    [InlineData("http://[::1]:{port}")]
    public async Task A_refused_target_is_a_400_naming_the_endpoint_and_nothing_is_sent(string endpoint)
    {
        using var listener = new CountingListener();
        var target = At(endpoint.Replace("{port}", listener.Port.ToString()));
        using var client = Client();

        using var restore = await client.PostAsJsonAsync("/restores", new RestoreRequest(target, RunId: "run-1", TargetNamespace: "shop"));
        using var list = await client.PostAsJsonAsync("/backups/list", new ListBackupsRequest(target));

        foreach (var response in new[] { restore, list })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
            Assert.True(errors.TryGetProperty("target.endpoint", out _), errors.ToString());
        }
        Assert.Equal(0, listener.Accepted);
    }

    [Fact]
    public async Task A_restore_into_a_namespace_the_caller_may_not_restore_into_is_403_and_nothing_starts()
    {
        using var listener = new CountingListener();
        using var client = Client(await cluster.UserAsync("gina", "stowage-edit", "team-g"));
        var target = At($"http://10.0.0.1:{listener.Port}");

        using var elsewhere = await client.PostAsJsonAsync("/restores", new RestoreRequest(target, RunId: "run-1", TargetNamespace: "kube-system"));
        using var unnamed = await client.PostAsJsonAsync("/restores", new RestoreRequest(target, RunId: "run-1"));

        Assert.Equal(HttpStatusCode.Forbidden, elsewhere.StatusCode);
        Assert.Contains("create restores.stowage.io in namespace \"kube-system\"", JsonDocument.Parse(await elsewhere.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, unnamed.StatusCode);
        Assert.Contains("targetNamespace", await unnamed.Content.ReadAsStringAsync());
    }
}

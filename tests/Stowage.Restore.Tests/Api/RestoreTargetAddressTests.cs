using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Stowage.Contracts.Policies;
using Stowage.Contracts.Restores;
using Stowage.Restore.Api;
using Stowage.Testing.Dapr;

namespace Stowage.Restore.Tests.Api;

/// <summary>A restore or a backup listing cannot be pointed at the cluster's own network: 400 naming the field, nothing sent.</summary>
public sealed class RestoreTargetAddressTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
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
        using var client = factory.CreateClient();

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
}

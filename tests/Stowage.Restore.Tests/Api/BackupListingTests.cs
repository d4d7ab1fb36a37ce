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

/// <summary>Listing a target's backups before the first backup wrote its repository: 404 saying so, not a server error.</summary>
public sealed class BackupListingTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>, IAsyncLifetime
{
    private readonly DirectoryInfo repositories = Directory.CreateTempSubdirectory("stowage-listing-");
    private AccessCluster cluster = null!;

    public async Task InitializeAsync() => cluster = await AccessCluster.StartAsync();

    public async Task DisposeAsync()
    {
        await cluster.DisposeAsync();
        repositories.Delete(recursive: true);
    }

    [Fact]
    public async Task A_target_without_a_repository_lists_as_404_no_backup_yet()
    {
        using var client = factory.WithWebHostBuilder(web =>
        {
            foreach (var (key, value) in cluster.ServiceSettings) web.UseSetting(key, value);
            web.UseSetting("Mover:LocalRepositoryRoot", repositories.FullName);
            web.UseSetting("Credentials:t:RepositoryPassword", "listing test password");
        }).CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", cluster.AdminToken);

        using var response = await client.PostAsJsonAsync("/backups/list",
            new ListBackupsRequest(new BackupTarget(TargetProviders.Local, "never-written", new CredentialsRef(ConfigurationName: "t"))));

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("No backup has been written to this target yet", JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString());
    }
}

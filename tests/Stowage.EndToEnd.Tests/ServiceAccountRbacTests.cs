namespace Stowage.EndToEnd.Tests;

/// <summary>
/// Each service calls the stand-in cluster with its own ServiceAccount under the chart's RBAC (LocalInstallation),
/// so a call the chart does not allow fails here. Discovery goes on past a refused kind, so its status is checked.
/// </summary>
[Collection(S3ServerCollection.Name)]
public sealed class ServiceAccountRbacTests(S3ServerFixture s3)
{
    [Fact]
    public async Task Discovery_reads_every_kind_it_watches_with_its_own_account()
    {
        await using var cluster = await StowageCluster.StartAsync(s3, services: ["discovery"]);
        using var discovery = cluster.Client("discovery");
        JsonElement status = default;
        await Eventually.TrueAsync(async () =>
        {
            status = await discovery.GetFromJsonAsync<JsonElement>("/discovery/status");
            return status.GetProperty("initialSyncComplete").GetBoolean();
        }, "discovery's first sync", TimeSpan.FromSeconds(60));

        var watchers = status.GetProperty("watchers").EnumerateArray()
            .Select(w => $"{w.GetProperty("kind").GetString()}: {w.GetProperty("state").GetString()} {w.GetProperty("lastError")}").ToList();
        Assert.Contains(watchers, w => w.StartsWith("PersistentVolume:"));
        Assert.All(watchers, w => Assert.Contains(": Watching", w));
        Assert.Empty(status.GetProperty("unreadableObjects").EnumerateArray());
    }
}

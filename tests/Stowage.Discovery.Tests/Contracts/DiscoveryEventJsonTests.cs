using System.Text.Json;
using Stowage.Contracts.Discovery;
using Stowage.Discovery.Domain.Classification;
using Stowage.Discovery.Tests.Domain;

namespace Stowage.Discovery.Tests.Contracts;

public sealed class DiscoveryEventJsonTests
{
    private static readonly ApplicationDescription Postgres =
        ApplicationDescriber.DescribeAll(FixtureInventory.Load("cluster-storage.json", "cnpg-cluster.json"), BuiltInCatalog.Load()).Single();

    public static TheoryData<string, object> Events() => new()
    {
        { "discovered", new ApplicationDiscovered(Guid.NewGuid(), DateTimeOffset.UtcNow, Postgres) },
        { "changed", new ApplicationChanged(Guid.NewGuid(), DateTimeOffset.UtcNow, Postgres, "0123abcd", [ApplicationAspects.Volumes]) },
        { "removed", new ApplicationRemoved(Guid.NewGuid(), DateTimeOffset.UtcNow, Postgres) },
    };

    [Theory]
    [MemberData(nameof(Events))]
    public void Events_survive_a_JSON_round_trip_as_Dapr_sends_them(string name, object integrationEvent)
    {
        var json = JsonSerializer.Serialize(integrationEvent, integrationEvent.GetType(), JsonSerializerOptions.Web);

        var back = JsonSerializer.Deserialize(json, integrationEvent.GetType(), JsonSerializerOptions.Web)!;

        Assert.Equal(json, JsonSerializer.Serialize(back, integrationEvent.GetType(), JsonSerializerOptions.Web));
        Assert.False(string.IsNullOrEmpty(name));
    }

    [Fact]
    public void The_description_has_a_stable_camel_case_shape()
    {
        var json = JsonDocument.Parse(JsonSerializer.Serialize(new ApplicationDiscovered(Guid.Empty, DateTimeOffset.UnixEpoch, Postgres), JsonSerializerOptions.Web)).RootElement;

        var application = json.GetProperty("application");
        Assert.Equal(["eventId", "occurredAt", "application"], json.EnumerateObject().Select(p => p.Name));
        Assert.Equal(
            ["id", "namespace", "name", "kind", "groupedBy", "resources", "volumes", "pods", "hooks", "members", "suggestedPolicy", "restoreNotes", "status", "contentHash"],
            application.EnumerateObject().Select(p => p.Name));
        Assert.Equal("SnapshotReady", application.GetProperty("status").GetProperty("readiness").GetString());
        Assert.Equal(
            ["claimName", "templateName", "podName", "volumeName", "size", "storageClass", "csiDriver", "snapshotClass", "protect", "copyMethod"],
            application.GetProperty("volumes")[0].EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Topic_names_are_distinct_and_namespaced_by_the_service()
    {
        string[] topics = [DiscoveryTopics.ApplicationDiscovered, DiscoveryTopics.ApplicationChanged, DiscoveryTopics.ApplicationRemoved];

        Assert.Equal(3, topics.Distinct().Count());
        Assert.All(topics, topic => Assert.StartsWith("discovery.", topic));
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;
using Stowage.Contracts.Policies;
using Stowage.Mover.Runtime.Runs;
using Stowage.Restore.Mapping;
using Stowage.Restore.Workflows;

namespace Stowage.Restore.Tests.Mapping;

public sealed class PlannedResourcesTests
{
    private static readonly Dictionary<string, string> Classes = new() { ["standard"] = "fast" };

    private static readonly RunManifest Manifest = new("run-1", "policy-1", new ApplicationRef("shop", "db"), DateTimeOffset.UnixEpoch, null,
    [
        JsonNode.Parse("""{"apiVersion":"apps/v1","kind":"StatefulSet","metadata":{"name":"db","namespace":"shop"},"spec":{"volumeClaimTemplates":[{"metadata":{"name":"data"},"spec":{"storageClassName":"standard"}}]}}""")!.AsObject(),
        JsonNode.Parse("""{"apiVersion":"v1","kind":"Secret","metadata":{"name":"db-credentials","namespace":"shop"},"data":{"password":"aHVudGVyMg=="}}""")!.AsObject(),
    ],
    [new VolumeSnapshotRef("data-db-0", new string('a', 64), "standard", "2Gi", 10)], []);

    [Fact]
    public void Planning_again_gives_the_same_objects_so_a_reference_finds_what_was_planned_moved_renamed_and_labelled()
    {
        var first = PlannedResources.Of(Manifest, "shop-copy", Classes, "restore-1");
        var again = PlannedResources.Of(Manifest, "shop-copy", Classes, "restore-1");

        var references = first.All.Select(ResourceRef.Of).ToList();
        Assert.Equal(["PersistentVolumeClaim/data-db-0", "Secret/db-credentials", "StatefulSet/db"], references.Select(r => $"{r.Kind}/{r.Name}"));
        Assert.Equal([0, 1, 2], references.Select(r => r.Order));
        foreach (var reference in references)
        {
            var found = again.All.Single(reference.Names);
            Assert.Equal(first.All.Single(reference.Names).ToJsonString(), found.ToJsonString());
            Assert.True(RestoreLabel.IsFrom(found, "restore-1"));
        }
        var claim = again.Claims.Single();
        Assert.Equal("fast", (string?)claim["spec"]!["storageClassName"]);
        Assert.Equal("2Gi", (string?)claim["spec"]!["resources"]!["requests"]!["storage"]);
        Assert.Equal("shop-copy", (string?)again.AfterData.Single(ResourceRefTo("Secret"))["metadata"]!["namespace"]);
        Assert.Equal("aHVudGVyMg==", (string?)again.AfterData.Single(ResourceRefTo("Secret"))["data"]!["password"]);
    }

    [Fact]
    public void References_name_a_Secret_without_carrying_its_data_and_match_only_the_same_apiVersion_kind_and_name()
    {
        var planned = PlannedResources.Of(Manifest, "shop-copy", Classes, "restore-1");
        var secret = ResourceRef.Of(planned.AfterData.Single(ResourceRefTo("Secret")), 1);

        var json = JsonSerializer.Serialize(planned.All.Select(ResourceRef.Of).ToList(), JsonSerializerOptions.Web);

        Assert.Contains("db-credentials", json);
        Assert.DoesNotContain("aHVudGVyMg==", json);
        Assert.DoesNotContain("hunter2", json);
        Assert.False((secret with { ApiVersion = "v2" }).Names(planned.AfterData.Single(ResourceRefTo("Secret"))));
        Assert.False((secret with { Kind = "ConfigMap" }).Names(planned.AfterData.Single(ResourceRefTo("Secret"))));
        Assert.DoesNotContain(planned.All, (secret with { Name = "db-credential" }).Names);
    }

    private static Func<JsonObject, bool> ResourceRefTo(string kind) => r => (string?)r["kind"] == kind;
}

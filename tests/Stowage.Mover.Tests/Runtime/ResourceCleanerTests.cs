using System.Text.Json.Nodes;
using Stowage.Mover.Runtime.Resources;

namespace Stowage.Mover.Tests.Runtime;

public sealed class ResourceCleanerTests
{
    private static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();

    [Fact]
    public void Cluster_specific_metadata_and_status_are_removed_and_the_rest_kept()
    {
        var clean = ResourceCleaner.Clean(Parse("""
            {"apiVersion":"apps/v1","kind":"StatefulSet",
             "metadata":{"name":"db","namespace":"shop","uid":"u-1","resourceVersion":"42","creationTimestamp":"2026-01-01T00:00:00Z",
                         "generation":3,"managedFields":[{}],"labels":{"app":"db"},
                         "annotations":{"kubectl.kubernetes.io/last-applied-configuration":"{}","team":"orders"}},
             "spec":{"replicas":3},"status":{"readyReplicas":3}}
            """));
        Assert.Equal("""{"apiVersion":"apps/v1","kind":"StatefulSet","metadata":{"name":"db","labels":{"app":"db"},"annotations":{"team":"orders"}},"spec":{"replicas":3}}""",
            clean.ToJsonString());
    }

    [Fact]
    public void A_claim_forgets_its_bound_volume_and_a_service_its_addresses()
    {
        var claim = ResourceCleaner.Clean(Parse("""
            {"kind":"PersistentVolumeClaim","metadata":{"name":"data","annotations":{"pv.kubernetes.io/bind-completed":"yes"}},
             "spec":{"volumeName":"pv-9","storageClassName":"standard"}}
            """));
        Assert.Null(claim["spec"]!["volumeName"]);
        Assert.Equal("standard", (string?)claim["spec"]!["storageClassName"]);
        Assert.Empty(claim["metadata"]!["annotations"]!.AsObject());

        var service = ResourceCleaner.Clean(Parse("""
            {"kind":"Service","metadata":{"name":"db"},"spec":{"clusterIP":"10.0.0.7","clusterIPs":["10.0.0.7"],"ports":[{"port":5432,"nodePort":30001}]}}
            """));
        Assert.Equal("""{"port":5432}""", service["spec"]!["ports"]![0]!.ToJsonString());
        Assert.Null(service["spec"]!["clusterIP"]);
    }

    [Fact]
    public void The_original_is_not_changed()
    {
        var original = Parse("""{"kind":"ConfigMap","metadata":{"name":"c","uid":"u"},"status":{}}""");
        ResourceCleaner.Clean(original);
        Assert.Equal("u", (string?)original["metadata"]!["uid"]);
    }
}

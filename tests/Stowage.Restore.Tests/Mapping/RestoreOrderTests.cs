using System.Text.Json.Nodes;
using Stowage.Mover.Runtime.Runs;
using Stowage.Restore.Mapping;

namespace Stowage.Restore.Tests.Mapping;

public sealed class RestoreOrderTests
{
    private static JsonObject Resource(string apiVersion, string kind, string name) =>
        new() { ["apiVersion"] = apiVersion, ["kind"] = kind, ["metadata"] = new JsonObject { ["name"] = name } };

    [Fact]
    public void Workloads_and_custom_resources_come_after_everything_they_refer_to_and_claims_are_not_among_them()
    {
        var resources = new[]
        {
            Resource("apps/v1", "StatefulSet", "db"),
            Resource("postgres-operator.crunchydata.com/v1beta1", "PostgresCluster", "hippo"),
            Resource("v1", "Service", "db"),
            Resource("v1", "PersistentVolumeClaim", "data-db-0"),
            Resource("v1", "Secret", "db-credentials"),
            Resource("networking.k8s.io/v1", "NetworkPolicy", "db"),
            Resource("v1", "ConfigMap", "db-config"),
        };

        var order = RestoreOrder.AfterData(resources).Select(r => (string)r["kind"]!).ToList();

        Assert.Equal(["Secret", "ConfigMap", "Service", "NetworkPolicy", "StatefulSet", "PostgresCluster"], order);
    }

    [Fact]
    public void Every_backed_up_volume_gets_a_claim_before_its_data_even_when_the_claim_object_was_not_kept()
    {
        var kept = Resource("v1", "PersistentVolumeClaim", "data-db-0");
        var volumes = new[]
        {
            new VolumeSnapshotRef("data-db-0", "s1", "fast", "1Gi", 0),
            new VolumeSnapshotRef("wal-db-0", "s2", "fast", "5Gi", 0),
        };

        var claims = RestoreOrder.Claims([Resource("apps/v1", "StatefulSet", "db"), kept], volumes);

        Assert.Equal(["data-db-0", "wal-db-0"], claims.Select(c => (string)c["metadata"]!["name"]!));
        Assert.Same(kept, claims[0]);
        Assert.Equal("fast", (string?)claims[1]["spec"]!["storageClassName"]);
        Assert.Equal("5Gi", (string?)claims[1]["spec"]!["resources"]!["requests"]!["storage"]);
        Assert.Equal(["ReadWriteOnce"], claims[1]["spec"]!["accessModes"]!.AsArray().Select(m => (string?)m));
    }

    [Fact]
    public void A_restore_knows_the_objects_it_made_from_those_that_were_there()
    {
        var made = Resource("v1", "Service", "db");
        RestoreLabel.Stamp(made, "restore-1234");

        Assert.True(RestoreLabel.IsFrom(made, "restore-1234"));
        Assert.False(RestoreLabel.IsFrom(made, "restore-9999"));
        Assert.False(RestoreLabel.IsFrom(Resource("v1", "Service", "db"), "restore-1234"));
    }
}

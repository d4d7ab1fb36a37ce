using Stowage.Contracts.Discovery;
using Stowage.Discovery.Domain.Classification;
using Stowage.Discovery.Domain.Inventory;

namespace Stowage.Discovery.Tests.Domain;

public sealed class ClassificationOfRealClustersTests
{
    private const string Storage = "cluster-storage.json";

    [Fact]
    public void MinIO_from_its_Helm_chart_is_one_application_with_every_drive_protected_by_snapshot()
    {
        var app = Assert.Single(Describe("minio-helm.json"));

        Assert.Equal(("storage/minio", "minio", "helm-release"), (app.Id, app.Kind.Name, app.GroupedBy));
        Assert.Contains("image:minio", app.Kind.Evidence);
        Assert.Equal(["export-minio-0", "export-minio-1", "export-minio-2", "export-minio-3"], app.Volumes.Select(v => v.ClaimName));
        Assert.All(app.Volumes, v => Assert.Equal(("export", true, "csi-hostpath-snapclass", "10Gi"), (v.TemplateName, v.Protect, v.SnapshotClass, v.Size)));
        Assert.Equal(["minio-0", "minio-1", "minio-2", "minio-3"], app.Members.SelectedPods);
        Assert.Equal(ProtectionReadiness.SnapshotReady, app.Status.Readiness);
        Assert.Equal(new SuggestedPolicy("0 */6 * * *", null, 28), app.SuggestedPolicy);
        Assert.Contains(app.Resources, r => r is { Kind: "Secret", Name: "minio" });
        Assert.Contains(app.Resources, r => r is { Kind: "Service", Name: "minio-svc" });
        Assert.Contains(app.Resources, r => r is { Kind: "PersistentVolume", Namespace: null });
    }

    [Fact]
    public void A_Cassandra_ring_across_three_racks_is_one_application_copying_one_node_per_rack_after_a_flush()
    {
        var app = Assert.Single(Describe("cassandra-ring.json"));

        Assert.Equal(("cassandra/cassandra-cluster1", "cassandra"), (app.Id, app.Kind.Name));
        Assert.Equal(3, app.Resources.Count(r => r.Kind == "StatefulSet"));
        Assert.Contains(app.Resources, r => r is { Kind: "CassandraDatacenter", Name: "dc1" });
        Assert.Equal(("onePerLabelValue", "cassandra.datastax.com/rack"), (app.Members.Strategy, app.Members.Label));
        Assert.Equal(["cluster1-dc1-rack1-sts-0", "cluster1-dc1-rack2-sts-0", "cluster1-dc1-rack3-sts-0"], app.Members.SelectedPods);
        var flush = Assert.Single(app.Hooks.Before);
        Assert.Equal(("cassandra", "nodetool flush"), (flush.Container, string.Join(' ', flush.Command)));
        Assert.All(app.Volumes, v => Assert.Equal(("server-data", "FileCopy", "rancher.io/local-path"), (v.TemplateName, v.CopyMethod, v.CsiDriver)));
        Assert.Equal(ProtectionReadiness.FileCopyOnly, app.Status.Readiness);
    }

    [Fact]
    public void A_CloudNativePG_cluster_is_postgresql_grouped_by_its_owner_and_copies_only_the_primary()
    {
        var app = Assert.Single(Describe("cnpg-cluster.json"));

        Assert.Equal(("payments/pg-main", "postgresql", "owner:Cluster"), (app.Id, app.Kind.Name, app.GroupedBy));
        Assert.Contains("owner:Cluster.postgresql.cnpg.io", app.Kind.Evidence);
        Assert.Contains(app.Resources, r => r is { ApiVersion: "postgresql.cnpg.io/v1", Kind: "Cluster", Name: "pg-main" });
        Assert.Equal(["pg-main-1"], app.Members.SelectedPods);
        Assert.Equal(["pg-main-1", "pg-main-1-wal"], app.Volumes.Where(v => v.Protect).Select(v => v.ClaimName));
        Assert.Equal(6, app.Volumes.Count);
        Assert.All(app.Volumes, v => Assert.Equal("ebs-vsc", v.SnapshotClass));
        Assert.Equal("postgres", Assert.Single(app.Hooks.Before).Container);
        Assert.Equal(["pg-main-r", "pg-main-ro", "pg-main-rw"], app.Resources.Where(r => r.Kind == "Service").Select(r => r.Name));
        Assert.Equal(ProtectionReadiness.SnapshotReady, app.Status.Readiness);
    }

    [Fact]
    public void A_plain_deployment_with_a_claim_is_a_generic_stateful_application_and_a_stateless_one_is_not_listed()
    {
        var app = Assert.Single(Describe("deployment-with-pvc.json"));

        Assert.Equal(("team-a/wiki", "generic-stateful", true, "workload"), (app.Id, app.Kind.Name, app.Kind.IsGeneric, app.GroupedBy));
        Assert.Equal(["wiki-7d9c8b6f5-x2k4q"], app.Pods.Select(p => p.Name));
        var volume = Assert.Single(app.Volumes);
        Assert.Equal(("wiki-data", "wiki-7d9c8b6f5-x2k4q", "ebs-vsc", true), (volume.ClaimName, volume.PodName, volume.SnapshotClass, volume.Protect));
        Assert.Contains(app.Resources, r => r is { Kind: "ConfigMap", Name: "wiki-config" });
        Assert.Empty(app.Hooks.Before);
        Assert.Equal(new SuggestedPolicy("0 2 * * *", null, 7), app.SuggestedPolicy);
    }

    [Fact]
    public void An_unlabeled_pod_with_a_claim_is_its_own_application_and_one_without_a_claim_is_not()
    {
        var app = Assert.Single(Describe("unlabeled-pods.json"));

        Assert.Equal(("legacy/scratch", "pod", "generic-stateful"), (app.Id, app.GroupedBy, app.Kind.Name));
        Assert.Equal("scratch-data", Assert.Single(app.Volumes).ClaimName);
        Assert.Equal(ProtectionReadiness.FileCopyOnly, app.Status.Readiness);
    }

    [Fact]
    public void A_job_pod_mounting_an_applications_claim_neither_steals_it_nor_becomes_an_application()
    {
        var job = new PodObject(
            new("team-a", "wiki-export-28391", new Dictionary<string, string>(), new Dictionary<string, string>(), [new("batch/v1", "Job", "wiki-export", true)]),
            [],
            PodTemplate.Empty with { ClaimNames = ["wiki-data"] },
            "worker-1");
        var snapshot = new InventorySnapshot(
            [.. FixtureInventory.Objects("cluster-storage.json"), .. FixtureInventory.Objects("deployment-with-pvc.json"), job]);

        var app = Assert.Single(ApplicationDescriber.DescribeAll(snapshot, BuiltInCatalog.Load()));

        Assert.Equal("team-a/wiki", app.Id);
        Assert.Equal("wiki-data", Assert.Single(app.Volumes).ClaimName);
    }

    [Fact]
    public void Every_fixture_together_gives_each_application_once()
    {
        var apps = Describe("minio-helm.json", "cassandra-ring.json", "cnpg-cluster.json", "deployment-with-pvc.json", "unlabeled-pods.json");

        Assert.Equal(["cassandra/cassandra-cluster1", "legacy/scratch", "payments/pg-main", "storage/minio", "team-a/wiki"], apps.Select(a => a.Id));
        Assert.All(apps, app => Assert.Equal(32, app.ContentHash.Length));
    }

    [Fact]
    public void Describing_the_same_objects_twice_gives_the_same_content_hash()
    {
        var first = Describe("cnpg-cluster.json").Single();
        var second = Describe("cnpg-cluster.json").Single();

        Assert.Equal(first.ContentHash, second.ContentHash);
    }

    private static IReadOnlyList<ApplicationDescription> Describe(params string[] files) =>
        ApplicationDescriber.DescribeAll(FixtureInventory.Load([Storage, .. files]), BuiltInCatalog.Load());
}

using System.Text.Json.Nodes;

namespace Stowage.EndToEnd.Tests;

[Collection(S3ServerCollection.Name)]
public sealed class SnapshotCopyTests(S3ServerFixture s3) : ClusterTest(s3)
{
    [Fact]
    public async Task A_volume_whose_driver_has_a_snapshot_class_is_copied_from_a_clone_of_a_csi_snapshot()
    {
        await Cluster.Kubernetes.ApplyAsync(new JsonObject
        {
            ["apiVersion"] = "storage.k8s.io/v1", ["kind"] = "StorageClass", ["metadata"] = new JsonObject { ["name"] = "csi-fast" }, ["provisioner"] = "csi.example.com",
        });
        await Cluster.Kubernetes.ApplyAsync(new JsonObject
        {
            ["apiVersion"] = "snapshot.storage.k8s.io/v1", ["kind"] = "VolumeSnapshotClass", ["metadata"] = new JsonObject { ["name"] = "csi-snapclass" },
            ["driver"] = "csi.example.com", ["deletionPolicy"] = "Delete",
        });
        await using var snapshotter = new FakeCsiSnapshotter(Cluster.Kubernetes, Cluster.VolumeRoot);
        await SampleApplication.DeployAsync(Cluster.Kubernetes, "snap", "inventory", storageClass: "csi-fast");
        await StowageApi.WaitForDiscoveryAsync(Cluster, "snap", "inventory");
        var target = StowageApi.S3Target(Cluster, await S3.CreateBucketAsync("e2e-snapshot"));
        var policyId = await StowageApi.CreatePolicyAsync(Cluster, new PolicySpec(new ApplicationRef("snap", "inventory"), target,
            new BackupSchedule(Interval: "1h"), new RetentionRule(2), CopyMethod.Snapshot, [new HookSpec(HookPhase.Pre, "postgres", ["true"])]));

        await Eventually.TrueAsync(() => StowageApi.FinishedRuns(Cluster, policyId).Count == 1, "the snapshot run", TimeSpan.FromSeconds(120));
        Assert.Equal(RunOutcome.Succeeded, StowageApi.FinishedRuns(Cluster, policyId).Single().Outcome);
        Assert.Equal(1, snapshotter.SnapshotsTaken);
        Assert.Empty(Cluster.Kubernetes.List("snapshot.storage.k8s.io/v1", "VolumeSnapshot", "snap"));
        Assert.DoesNotContain(Cluster.Kubernetes.List("v1", "PersistentVolumeClaim", "snap"), c => ((string)c["metadata"]!["name"]!).EndsWith("-clone"));

        var report = await StowageApi.RestoreAsync(Cluster, new RestoreRequest(target, Application: new ApplicationRef("snap", "inventory"), TargetNamespace: "snap-restored"));
        Assert.Equal("Succeeded", report.GetProperty("outcome").GetString());
        Assert.True(File.Exists(Path.Combine(Cluster.VolumeRoot, "snap-restored", "data-inventory-0", FakeCsiSnapshotter.Marker)));
    }
}

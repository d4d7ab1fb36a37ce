using System.Text.Json.Nodes;
using Stowage.Mover.Runtime.Runs;

namespace Stowage.EndToEnd.Tests;

[Collection(S3ServerCollection.Name)]
public sealed class SnapshotCopyTests(S3ServerFixture s3) : ClusterTest(s3)
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Mover__Jobs__PendingTimeout"] = TimeSpan.FromSeconds(10).ToString(),
    };

    /// <summary>Which claim each backup job pod of the namespace mounted, as the pods were created.</summary>
    private List<string> MountedByJobPods(string ns)
    {
        var mounted = new List<string>();
        Cluster.Kubernetes.Changed += change =>
        {
            if (change is not { Type: "ADDED", Kind: "Pod" } || change.Namespace != ns || !change.Name.StartsWith("stowage-backup-")) return;
            var pod = Cluster.Kubernetes.Get("v1", "Pod", ns, change.Name);
            lock (mounted) mounted.Add((string)pod!["spec"]!["volumes"]![0]!["persistentVolumeClaim"]!["claimName"]!);
        };
        return mounted;
    }

    private void AssertNothingLeft(string ns)
    {
        Assert.Empty(Cluster.Kubernetes.List("snapshot.storage.k8s.io/v1", "VolumeSnapshot", ns));
        AssertNoCopyLeft(ns);
    }

    /// <summary>Of a run that succeeded, only its VolumeSnapshot stays: the volume's base for the next backup.</summary>
    private void AssertOnlySnapshotLeft(string ns, TakenSnapshot kept)
    {
        Assert.Equal([kept.Name], Cluster.Kubernetes.List("snapshot.storage.k8s.io/v1", "VolumeSnapshot", ns).Select(s => (string)s["metadata"]!["name"]!));
        AssertNoCopyLeft(ns);
    }

    private void AssertNoCopyLeft(string ns)
    {
        Assert.DoesNotContain(Cluster.Kubernetes.List("v1", "PersistentVolumeClaim", ns), c => ((string)c["metadata"]!["name"]!).EndsWith("-clone"));
        Assert.Empty(Cluster.Kubernetes.List("batch/v1", "Job", ns));
        Assert.DoesNotContain(Cluster.Kubernetes.List("v1", "Pod", ns), p => ((string)p["metadata"]!["name"]!).StartsWith("stowage-"));
    }

    [Fact]
    public async Task A_volume_whose_driver_has_a_snapshot_class_is_copied_from_a_clone_of_a_csi_snapshot()
    {
        await CsiStorage.DeclareAsync(Cluster.Kubernetes);
        var mounted = MountedByJobPods("snap");
        await using var snapshotter = new FakeCsiSnapshotter(Cluster.Kubernetes, Cluster.VolumeRoot);
        var taken = new List<TakenSnapshot>();
        snapshotter.Taken += snapshot => { lock (taken) taken.Add(snapshot); };
        await SampleApplication.DeployAsync(Cluster.Kubernetes, "snap", "inventory", storageClass: CsiStorage.StorageClass);
        await StowageApi.WaitForDiscoveryAsync(Cluster, "snap", "inventory");
        var target = StowageApi.S3Target(Cluster, await S3.CreateBucketAsync("e2e-snapshot"));
        var policyId = await StowageApi.CreatePolicyAsync(Cluster, new PolicySpec(new ApplicationRef("snap", "inventory"), target,
            new BackupSchedule(Interval: "1h"), new RetentionRule(2), CopyMethod.Snapshot, [new HookSpec(HookPhase.Pre, "postgres", ["true"])]));

        await Eventually.TrueAsync(() => StowageApi.FinishedRuns(Cluster, policyId).Count == 1, "the snapshot run", TimeSpan.FromSeconds(120));
        Assert.Equal(RunOutcome.Succeeded, StowageApi.FinishedRuns(Cluster, policyId).Single().Outcome);
        Assert.Equal(1, snapshotter.SnapshotsTaken);
        var first = Assert.Single(taken);
        // The copy ran in a job pod that mounted the clone, never the live claim.
        Assert.EndsWith("-clone", Assert.Single(mounted));
        await Eventually.TrueAsync(() => { try { AssertOnlySnapshotLeft("snap", first); return true; } catch (Xunit.Sdk.XunitException) { return false; } },
            "the job and the clone to be deleted, the snapshot kept");
        var copied = await BucketRuns.SnapshotsAsync(S3, target, new Dictionary<string, string> { [BackupTags.Volume] = "data-inventory-0" });
        Assert.Equal(first.Handle, Assert.Single(copied).Tags[BackupTags.SnapshotHandle]);

        // The second backup replaces the first's snapshot as the volume's base, only once it has finished.
        using (var scheduler = Cluster.Client("scheduler")) (await scheduler.PostAsync($"/schedules/{policyId}/run-now", null)).EnsureSuccessStatusCode();
        await Eventually.TrueAsync(() => StowageApi.FinishedRuns(Cluster, policyId).Count == 2, "the second snapshot run", TimeSpan.FromSeconds(120));
        Assert.Equal(RunOutcome.Succeeded, StowageApi.FinishedRuns(Cluster, policyId)[1].Outcome);
        var second = Assert.Single(taken, t => t != first);
        await Eventually.TrueAsync(() => { try { AssertOnlySnapshotLeft("snap", second); return true; } catch (Xunit.Sdk.XunitException) { return false; } },
            "the first snapshot to be deleted, the second kept");

        var report = await StowageApi.RestoreAsync(Cluster, new RestoreRequest(target, Application: new ApplicationRef("snap", "inventory"), TargetNamespace: "snap-restored"));
        Assert.Equal("Succeeded", report.GetProperty("outcome").GetString());
        Assert.True(File.Exists(Path.Combine(Cluster.VolumeRoot, "snap-restored", "data-inventory-0", FakeCsiSnapshotter.Marker)));
    }

    [Fact]
    public async Task A_clone_that_never_binds_fails_the_run_with_the_pods_reason_and_leaves_nothing_behind()
    {
        await CsiStorage.DeclareAsync(Cluster.Kubernetes);
        await using var snapshotter = new FakeCsiSnapshotter(Cluster.Kubernetes, Cluster.VolumeRoot, provisionClones: false);
        await SampleApplication.DeployAsync(Cluster.Kubernetes, "snap-full", "inventory", storageClass: CsiStorage.StorageClass);
        await StowageApi.WaitForDiscoveryAsync(Cluster, "snap-full", "inventory");
        var target = StowageApi.S3Target(Cluster, await S3.CreateBucketAsync("e2e-snapshot-unbound"));
        var policyId = await StowageApi.CreatePolicyAsync(Cluster, new PolicySpec(new ApplicationRef("snap-full", "inventory"), target,
            new BackupSchedule(Interval: "1h"), new RetentionRule(2), CopyMethod.Snapshot, [new HookSpec(HookPhase.Pre, "postgres", ["true"])]));

        await Eventually.TrueAsync(() => StowageApi.FinishedRuns(Cluster, policyId).Count == 1, "the snapshot run to fail", TimeSpan.FromSeconds(120));
        var run = StowageApi.FinishedRuns(Cluster, policyId).Single();
        Assert.Equal(RunOutcome.Failed, run.Outcome);
        Assert.Contains("stayed Pending", run.Reason);
        Assert.Contains("is not bound", run.Reason);
        await Eventually.TrueAsync(() => { try { AssertNothingLeft("snap-full"); return true; } catch (Xunit.Sdk.XunitException) { return false; } }, "the job, the clone and the snapshot to be deleted");
    }
}

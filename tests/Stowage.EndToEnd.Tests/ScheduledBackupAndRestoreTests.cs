namespace Stowage.EndToEnd.Tests;

[Collection(S3ServerCollection.Name)]
public sealed class ScheduledBackupAndRestoreTests(S3ServerFixture s3) : ClusterTest(s3)
{
    [Fact]
    public async Task Scheduled_backups_on_the_claims_node_keep_exactly_N_and_restore_byte_identical_before_the_workload_starts()
    {
        var volume = await SampleApplication.DeployAsync(Cluster.Kubernetes, "shop", "orders-db", node: "node-2");
        await StowageApi.WaitForDiscoveryAsync(Cluster, "shop", "orders-db");
        var target = StowageApi.S3Target(Cluster, await S3.CreateBucketAsync("e2e-scheduled"));
        var spec = new PolicySpec(new ApplicationRef("shop", "orders-db"), target, new BackupSchedule(Interval: "6s"), new RetentionRule(KeepLast: 2),
            Hooks: [new HookSpec(HookPhase.Pre, "postgres", ["sh", "-c", "echo checkpoint"]), new HookSpec(HookPhase.Post, "postgres", ["true"])]);
        var policyId = await StowageApi.CreatePolicyAsync(Cluster, spec);

        await Eventually.TrueAsync(() => StowageApi.FinishedRuns(Cluster, policyId).Count >= 3, "three scheduled runs", TimeSpan.FromSeconds(240));
        Assert.All(StowageApi.FinishedRuns(Cluster, policyId), run => Assert.Equal(RunOutcome.Succeeded, run.Outcome));

        using (var policy = Cluster.Client("policy"))
        {
            (await policy.PostAsync($"/policies/{policyId}/pause", null)).EnsureSuccessStatusCode();
        }
        using var scheduler = Cluster.Client("scheduler");
        await Eventually.TrueAsync(async () => (await scheduler.GetAsync($"/schedules/{policyId}")).StatusCode == System.Net.HttpStatusCode.OK
            && (await scheduler.GetFromJsonAsync<JsonElement>($"/schedules/{policyId}")).GetProperty("runtimeStatus").GetString() == "Terminated",
            "the paused policy's schedule to stop", TimeSpan.FromSeconds(120));
        var runsWhenStopped = StowageApi.FinishedRuns(Cluster, policyId).Count;

        using (var mover = Cluster.Client("mover"))
        {
            // The history is a projection of the same events, so it catches up with what the recorder saw.
            await Eventually.TrueAsync(async () => (await mover.GetFromJsonAsync<JsonElement>($"/runs?policyId={policyId}")).EnumerateArray()
                .Count(r => r.GetProperty("state").GetString() == "Succeeded") == runsWhenStopped, "the run history to show every run");
        }

        // Every copy ran in a job pod beside the ReadWriteOnce claim, on the node of the pod using it.
        var placements = Cluster.Kubernetes.List("v1", "Event", "shop").Select(e => (string?)e["message"])
            .Where(m => m?.StartsWith("Successfully assigned shop/stowage-backup-") == true).ToList();
        Assert.True(placements.Count >= runsWhenStopped, $"{placements.Count} backup job pods for {runsWhenStopped} runs");
        Assert.All(placements, m => Assert.EndsWith(" to node-2", m));

        var backups = await StowageApi.ListBackupsAsync(Cluster, target);
        Assert.Equal(2, backups.Count);
        Assert.True(runsWhenStopped >= 3);

        var restored = Path.Combine(Cluster.VolumeRoot, "shop-restored", "data-orders-db-0");
        IReadOnlyList<string>? dataWhenTheWorkloadAppeared = null;
        IReadOnlyList<string>? dataWhenTheFirstPodAppeared = null;
        Cluster.Kubernetes.Changed += change =>
        {
            if (change is { Type: "ADDED", Kind: "StatefulSet", Namespace: "shop-restored" }) dataWhenTheWorkloadAppeared = Directory.Exists(restored) ? TreeFingerprint.Of(restored) : [];
            if (change is { Type: "ADDED", Kind: "Pod", Namespace: "shop-restored", Name: "orders-db-0" }) dataWhenTheFirstPodAppeared = Directory.Exists(restored) ? TreeFingerprint.Of(restored) : [];
        };
        var request = new RestoreRequest(target, Application: new ApplicationRef("shop", "orders-db"),
            TargetNamespace: "shop-restored", StorageClassMap: new Dictionary<string, string> { ["standard"] = "fast" });
        var report = await StowageApi.RestoreAsync(Cluster, request);
        Assert.Equal("Succeeded", report.GetProperty("outcome").GetString());

        Assert.Equal(TreeFingerprint.Of(volume), TreeFingerprint.Of(restored));
        // The workload, whose pods would start the database, was created only once its volume held all its data.
        Assert.Equal(TreeFingerprint.Of(volume), dataWhenTheWorkloadAppeared);
        await Eventually.TrueAsync(() => dataWhenTheFirstPodAppeared is not null, "the restored StatefulSet's first pod");
        Assert.Equal(TreeFingerprint.Of(volume), dataWhenTheFirstPodAppeared);
        // The data came in through a restore job's pod, created before the application's first pod and gone since.
        var podsAdded = Cluster.Kubernetes.Changes.Where(c => c is { Type: "ADDED", Kind: "Pod", Namespace: "shop-restored" }).Select(c => c.Name).ToList();
        Assert.StartsWith("stowage-restore-", podsAdded[0]);
        Assert.Contains("orders-db-0", podsAdded);
        await Eventually.TrueAsync(() => Cluster.Kubernetes.List("batch/v1", "Job", "shop-restored").Count == 0
            && !Cluster.Kubernetes.List("v1", "Pod", "shop-restored").Any(p => ((string)p["metadata"]!["name"]!).StartsWith("stowage-")), "the restore job to be cleaned up");
        var statefulSet = Cluster.Kubernetes.Get("apps/v1", "StatefulSet", "shop-restored", "orders-db");
        Assert.NotNull(statefulSet);
        Assert.Equal("fast", (string?)statefulSet!["spec"]!["volumeClaimTemplates"]![0]!["spec"]!["storageClassName"]);
        var claim = Cluster.Kubernetes.Get("v1", "PersistentVolumeClaim", "shop-restored", "data-orders-db-0");
        Assert.Equal("fast", (string?)claim!["spec"]!["storageClassName"]);

        // Restoring again over what is now there is refused by name, and nothing in the namespace changes.
        var changesBefore = Cluster.Kubernetes.Changes.Count(c => c.Namespace == "shop-restored");
        var again = await StowageApi.RestoreAsync(Cluster, request);
        Assert.Equal("Failed", again.GetProperty("outcome").GetString());
        Assert.Contains("already exist in namespace 'shop-restored'", again.GetProperty("reason").GetString());
        Assert.Contains("StatefulSet/orders-db", again.GetProperty("reason").GetString());
        Assert.Contains("PersistentVolumeClaim/data-orders-db-0", again.GetProperty("reason").GetString());
        Assert.Equal(changesBefore, Cluster.Kubernetes.Changes.Count(c => c.Namespace == "shop-restored"));
        Assert.Equal(TreeFingerprint.Of(volume), TreeFingerprint.Of(restored));
    }
}

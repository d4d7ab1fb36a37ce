namespace Stowage.EndToEnd.Tests;

/// <summary>A volume job whose node is lost is retried by Kubernetes within bounds, then fails its run with the pod's reason; other runs go on.</summary>
[Collection(S3ServerCollection.Name)]
public sealed class VolumeJobFailureTests(S3ServerFixture s3) : ClusterTest(s3)
{
    private static readonly TimeSpan PendingTimeout = TimeSpan.FromSeconds(15);

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Mover__Jobs__Retries"] = "1",
        ["Mover__Jobs__PendingTimeout"] = PendingTimeout.ToString(),
    };

    [Fact]
    public async Task A_job_whose_node_is_lost_is_retried_then_fails_its_run_naming_the_reason_and_other_runs_succeed()
    {
        var volume = await SampleApplication.DeployAsync(Cluster.Kubernetes, "ledger", "accounts", node: "node-2");
        LargeVolume.WriteRandomFile(Path.Combine(volume, "base", "big-relation"), 320 * 1024 * 1024, seed: 11);
        await SampleApplication.DeployAsync(Cluster.Kubernetes, "catalog", "products", node: "node-1");
        await StowageApi.WaitForDiscoveryAsync(Cluster, "ledger", "accounts");
        await StowageApi.WaitForDiscoveryAsync(Cluster, "catalog", "products");
        var ledger = await StowageApi.CreatePolicyAsync(Cluster, new PolicySpec(new ApplicationRef("ledger", "accounts"),
            StowageApi.S3Target(Cluster, await S3.CreateBucketAsync("e2e-node-lost")), new BackupSchedule(Interval: "1h"), new RetentionRule(3),
            Hooks: [new HookSpec(HookPhase.Pre, "postgres", ["true"])]));

        await Eventually.TrueAsync(() => Cluster.Kubernetes.List("v1", "Pod", "ledger").Any(p => ((string)p["metadata"]!["name"]!).StartsWith("stowage-backup-")
            && (string?)p["status"]?["phase"] == "Running"), "the backup job's pod to run", TimeSpan.FromSeconds(120));
        Cluster.Kubernetes.LoseNode("node-2");
        var catalog = await StowageApi.CreatePolicyAsync(Cluster, new PolicySpec(new ApplicationRef("catalog", "products"),
            StowageApi.S3Target(Cluster, await S3.CreateBucketAsync("e2e-node-kept")), new BackupSchedule(Interval: "1h"), new RetentionRule(3),
            Hooks: [new HookSpec(HookPhase.Pre, "postgres", ["true"])]));

        await Eventually.TrueAsync(() => StowageApi.FinishedRuns(Cluster, ledger).Count == 1, "the run on the lost node to fail", TimeSpan.FromSeconds(180));
        var failed = StowageApi.FinishedRuns(Cluster, ledger).Single();
        Assert.Equal(RunOutcome.Failed, failed.Outcome);
        Assert.Contains("stowage-backup-", failed.Reason);
        Assert.Contains("for node node-2 stayed Pending", failed.Reason);
        Assert.Contains("NodeLost", failed.Reason);
        // Kubernetes replaced the lost pod once (Retries = 1), and nothing retried the job on top of that.
        Assert.Equal(2, Cluster.Kubernetes.Changes.Where(c => c is { Type: "ADDED", Kind: "Pod", Namespace: "ledger" } && c.Name.StartsWith("stowage-backup-")).Select(c => c.Name).Distinct().Count());
        Assert.Single(Cluster.Kubernetes.Changes, c => c is { Type: "ADDED", Kind: "Job", Namespace: "ledger" });

        await Eventually.TrueAsync(() => StowageApi.FinishedRuns(Cluster, catalog).Count == 1, "the other application's run", TimeSpan.FromSeconds(120));
        Assert.Equal(RunOutcome.Succeeded, StowageApi.FinishedRuns(Cluster, catalog).Single().Outcome);
        await Eventually.TrueAsync(() => Cluster.Kubernetes.List("batch/v1", "Job").Count == 0
            && !Cluster.Kubernetes.List("v1", "Secret").Any(s => ((string)s["metadata"]!["name"]!).StartsWith("stowage-")), "every job and its secret to be deleted");
    }
}


namespace Stowage.EndToEnd.Tests;

[Collection(S3ServerCollection.Name)]
public sealed class CrashRecoveryTests(S3ServerFixture s3) : ClusterTest(s3)
{
    private const int LargeFileBytes = 320 * 1024 * 1024;

    [Fact]
    public async Task A_mover_killed_mid_copy_leaves_its_job_running_adopts_it_on_restart_and_records_one_backup()
    {
        var volume = await SampleApplication.DeployAsync(Cluster.Kubernetes, "crash", "warehouse");
        LargeVolume.WriteRandomFile(Path.Combine(volume, "base", "big-relation"), LargeFileBytes, seed: 7);
        await StowageApi.WaitForDiscoveryAsync(Cluster, "crash", "warehouse");
        var bucket = await S3.CreateBucketAsync("e2e-crash");
        var target = StowageApi.S3Target(Cluster, bucket);
        var policyId = await StowageApi.CreatePolicyAsync(Cluster, new PolicySpec(new ApplicationRef("crash", "warehouse"), target,
            new BackupSchedule(Interval: "1h"), new RetentionRule(3), Hooks: [new HookSpec(HookPhase.Pre, "postgres", ["true"])]));

        // Kill the mover once the job's pod has uploaded and indexed some packs, but long before it ends.
        await LargeVolume.WaitForIndexedPacksAsync(S3, bucket);
        Cluster["mover"].Kill();
        Assert.Empty(StowageApi.FinishedRuns(Cluster, policyId));
        Assert.Contains(Cluster.Kubernetes.List("v1", "Pod", "crash"), p => ((string)p["metadata"]!["name"]!).StartsWith("stowage-backup-"));
        await Cluster["mover"].StartAsync();

        await Eventually.TrueAsync(() => StowageApi.FinishedRuns(Cluster, policyId).Count == 1, "the interrupted run to finish", TimeSpan.FromSeconds(240));
        Assert.Equal(RunOutcome.Succeeded, StowageApi.FinishedRuns(Cluster, policyId).Single().Outcome);
        Assert.Single(await StowageApi.ListBackupsAsync(Cluster, target));
        // The restarted mover followed the Job that was running: one Job, one pod, never a second copy.
        Assert.Single(Cluster.Kubernetes.Changes, c => c is { Type: "ADDED", Kind: "Job", Namespace: "crash" });
        Assert.Single(Cluster.Kubernetes.Changes, c => c is { Type: "ADDED", Kind: "Pod", Namespace: "crash" } && c.Name.StartsWith("stowage-backup-"));
        await Eventually.TrueAsync(() => Cluster.Kubernetes.List("batch/v1", "Job", "crash").Count == 0
            && !Cluster.Kubernetes.List("v1", "Pod", "crash").Any(p => ((string)p["metadata"]!["name"]!).StartsWith("stowage-"))
            && !Cluster.Kubernetes.List("v1", "Secret", "crash").Any(p => ((string)p["metadata"]!["name"]!).StartsWith("stowage-")), "the job, its pod and its secret to be deleted");
    }

    [Fact]
    public async Task A_killed_scheduler_loses_no_schedule()
    {
        await SampleApplication.DeployAsync(Cluster.Kubernetes, "crash", "catalog");
        await StowageApi.WaitForDiscoveryAsync(Cluster, "crash", "catalog");
        var target = StowageApi.S3Target(Cluster, await S3.CreateBucketAsync("e2e-scheduler-crash"));
        var policyId = await StowageApi.CreatePolicyAsync(Cluster, new PolicySpec(new ApplicationRef("crash", "catalog"), target,
            new BackupSchedule(Interval: "5s"), new RetentionRule(10), Hooks: [new HookSpec(HookPhase.Pre, "postgres", ["true"])]));
        await Eventually.TrueAsync(() => StowageApi.FinishedRuns(Cluster, policyId).Count >= 1, "the first run", TimeSpan.FromSeconds(120));

        Cluster["scheduler"].Kill();
        await Cluster["scheduler"].StartAsync();
        var before = StowageApi.FinishedRuns(Cluster, policyId).Count;

        await Eventually.TrueAsync(() => StowageApi.FinishedRuns(Cluster, policyId).Count >= before + 2, "two more scheduled runs after the restart", TimeSpan.FromSeconds(180));
        Assert.All(StowageApi.FinishedRuns(Cluster, policyId), run => Assert.Equal(RunOutcome.Succeeded, run.Outcome));
    }
}

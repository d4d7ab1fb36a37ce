namespace Stowage.EndToEnd.Tests;

/// <summary>Two mover replicas share one app id: a run completes whichever replica gets its activities, even when one dies mid-copy.</summary>
[Collection(S3ServerCollection.Name)]
public sealed class MoverReplicasTests(S3ServerFixture s3) : ClusterTest(s3)
{
    [Fact]
    public async Task With_two_mover_replicas_a_run_completes_on_the_one_left_when_the_other_dies_mid_copy()
    {
        var second = await Cluster.Installation.StartReplicaAsync("mover");
        var volume = await SampleApplication.DeployAsync(Cluster.Kubernetes, "replicas", "stock");
        LargeVolume.WriteRandomFile(Path.Combine(volume, "base", "big-relation"), 320 * 1024 * 1024, seed: 5);
        await StowageApi.WaitForDiscoveryAsync(Cluster, "replicas", "stock");
        var target = StowageApi.S3Target(Cluster, await S3.CreateBucketAsync("e2e-replicas"));
        var policyId = await StowageApi.CreatePolicyAsync(Cluster, new PolicySpec(new ApplicationRef("replicas", "stock"), target,
            new BackupSchedule(Interval: "1h"), new RetentionRule(3), Hooks: [new HookSpec(HookPhase.Pre, "postgres", ["true"])]));

        await Eventually.TrueAsync(() => Cluster.Kubernetes.List("v1", "Pod", "replicas").Any(p => ((string)p["metadata"]!["name"]!).StartsWith("stowage-backup-")
            && (string?)p["status"]?["phase"] == "Running"), "the backup job's pod to run", TimeSpan.FromSeconds(120));
        Cluster["mover"].Kill();

        await Eventually.TrueAsync(() => StowageApi.FinishedRuns(Cluster, policyId).Count == 1, "the run to finish on the second replica", TimeSpan.FromSeconds(240));
        Assert.Equal(RunOutcome.Succeeded, StowageApi.FinishedRuns(Cluster, policyId).Single().Outcome);
        Assert.Single(await StowageApi.ListBackupsAsync(Cluster, target));
        Assert.Single(Cluster.Kubernetes.Changes, c => c is { Type: "ADDED", Kind: "Job", Namespace: "replicas" });
        // The first replica was dead before the job finished, so the second followed it to the end.
        Assert.Contains(File.ReadLines(second.LogPath), line => line.Contains("Volume job replicas/stowage-backup-") && line.Contains("finished: Complete"));
    }
}

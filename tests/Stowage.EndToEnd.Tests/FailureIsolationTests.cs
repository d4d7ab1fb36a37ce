namespace Stowage.EndToEnd.Tests;

[Collection(S3ServerCollection.Name)]
public sealed class FailureIsolationTests(S3ServerFixture s3) : ClusterTest(s3)
{
    [Fact]
    public async Task A_failing_hook_and_a_missing_bucket_fail_their_own_runs_with_a_reason_and_leave_others_alone()
    {
        foreach (var app in new[] { "healthy", "hooked", "unbucketed" })
        {
            await SampleApplication.DeployAsync(Cluster.Kubernetes, "isolation", app);
            await StowageApi.WaitForDiscoveryAsync(Cluster, "isolation", app);
        }
        var bucket = await S3.CreateBucketAsync("e2e-isolation");
        PolicySpec Spec(string app, string bucketName, string hook) => new(new ApplicationRef("isolation", app), StowageApi.S3Target(Cluster, bucketName),
            new BackupSchedule(Interval: "1h"), new RetentionRule(2), Hooks: [new HookSpec(HookPhase.Pre, "postgres", ["sh", "-c", hook])]);

        var healthy = await StowageApi.CreatePolicyAsync(Cluster, Spec("healthy", bucket, "exit 0"));
        var hooked = await StowageApi.CreatePolicyAsync(Cluster, Spec("hooked", bucket, "echo 'database refused CHECKPOINT' >&2; exit 3"));
        var unbucketed = await StowageApi.CreatePolicyAsync(Cluster, Spec("unbucketed", "no-such-bucket-for-stowage", "exit 0"));

        await Eventually.TrueAsync(() => new[] { healthy, hooked, unbucketed }.All(p => StowageApi.FinishedRuns(Cluster, p).Count == 1),
            "one run of each policy", TimeSpan.FromSeconds(180));

        Assert.Equal(RunOutcome.Succeeded, StowageApi.FinishedRuns(Cluster, healthy).Single().Outcome);

        var hookRun = StowageApi.FinishedRuns(Cluster, hooked).Single();
        Assert.Equal(RunOutcome.Failed, hookRun.Outcome);
        Assert.Contains("pre-copy hook failed", hookRun.Reason);
        // The reason names the program and its exit code; its arguments and output (which may hold secrets) stay out.
        Assert.Contains("'sh' in isolation/", hookRun.Reason);
        Assert.Contains("exited with code 3", hookRun.Reason);
        Assert.DoesNotContain("database refused CHECKPOINT", hookRun.Reason);

        var bucketRun = StowageApi.FinishedRuns(Cluster, unbucketed).Single();
        Assert.Equal(RunOutcome.Failed, bucketRun.Outcome);
        Assert.Contains("bucket", bucketRun.Reason, StringComparison.OrdinalIgnoreCase);

        var backups = await StowageApi.ListBackupsAsync(Cluster, StowageApi.S3Target(Cluster, bucket));
        Assert.Equal(["healthy"], backups.Select(b => b.GetProperty("application").GetProperty("name").GetString()));
    }
}

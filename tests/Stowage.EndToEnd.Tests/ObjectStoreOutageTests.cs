namespace Stowage.EndToEnd.Tests;

/// <summary>An S3 outage in the middle of a backup is ridden out: the run waits for the store instead of failing.</summary>
[Collection(S3ServerCollection.Name)]
public sealed class ObjectStoreOutageTests(S3ServerFixture s3) : ClusterTest(s3)
{
    private const int LargeFileBytes = 192 * 1024 * 1024;

    // Held to 8 MiB/s, the copy is still uploading when the gateway stops, however fast the machine is.
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string> { ["Mover__UploadBytesPerSecond"] = $"{8 * 1024 * 1024}" };

    [Fact]
    public async Task A_backup_survives_a_30_second_gateway_outage_and_records_one_complete_backup()
    {
        var volume = await SampleApplication.DeployAsync(Cluster.Kubernetes, "outage", "orders");
        LargeVolume.WriteRandomFile(Path.Combine(volume, "base", "big-relation"), LargeFileBytes, seed: 5);
        await StowageApi.WaitForDiscoveryAsync(Cluster, "outage", "orders");
        var bucket = await S3.CreateBucketAsync("e2e-outage");
        var target = StowageApi.S3Target(Cluster, bucket);
        var policyId = await StowageApi.CreatePolicyAsync(Cluster, new PolicySpec(new ApplicationRef("outage", "orders"), target,
            new BackupSchedule(Interval: "1h"), new RetentionRule(3), Hooks: [new HookSpec(HookPhase.Pre, "postgres", ["true"])]));

        await LargeVolume.WaitForIndexedPacksAsync(S3, bucket);
        S3.Gateway.StopGateway();
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(30));
            Assert.Empty(StowageApi.FinishedRuns(Cluster, policyId));
        }
        finally
        {
            await S3.Gateway.StartGatewayAsync();
        }

        await Eventually.TrueAsync(() => StowageApi.FinishedRuns(Cluster, policyId).Count == 1, "the run to finish after the outage", TimeSpan.FromSeconds(240));
        var run = StowageApi.FinishedRuns(Cluster, policyId).Single();
        Assert.True(run.Outcome == RunOutcome.Succeeded, run.Reason);
        Assert.Single(StowageApi.RequestedRuns(Cluster, policyId));
        var backup = Assert.Single(await StowageApi.ListBackupsAsync(Cluster, target));
        Assert.Equal(run.RunId, backup.GetProperty("runId").GetString());
        Assert.True(run.Volumes.Single().SourceBytes >= LargeFileBytes, $"the backup holds {run.Volumes.Single().SourceBytes} bytes");
    }
}

/// <summary>A store that stays away longer than the mover's tolerance fails the run clearly, and the run is retried before the next slot.</summary>
[Collection(S3ServerCollection.Name)]
public sealed class ObjectStoreLongOutageTests(S3ServerFixture s3) : ClusterTest(s3)
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Mover__TargetOutageTolerance"] = "00:00:08",
        ["Scheduler__FailedRunRetry"] = "00:00:15",
    };

    [Fact]
    public async Task A_store_down_past_the_tolerance_fails_the_run_naming_endpoint_and_bucket_and_the_retry_comes_before_the_next_slot()
    {
        await SampleApplication.DeployAsync(Cluster.Kubernetes, "outage", "invoices");
        await StowageApi.WaitForDiscoveryAsync(Cluster, "outage", "invoices");
        var bucket = await S3.CreateBucketAsync("e2e-long-outage");
        var policyId = await StowageApi.CreatePolicyAsync(Cluster, new PolicySpec(new ApplicationRef("outage", "invoices"), StowageApi.S3Target(Cluster, bucket),
            new BackupSchedule(Interval: "1h"), new RetentionRule(3), Hooks: [new HookSpec(HookPhase.Pre, "postgres", ["true"])]));
        await Eventually.TrueAsync(() => StowageApi.FinishedRuns(Cluster, policyId).Count == 1, "the first run", TimeSpan.FromSeconds(120));

        S3.Gateway.StopGateway();
        try
        {
            using var scheduler = Cluster.Client("scheduler");
            (await scheduler.PostAsync($"/schedules/{policyId}/run-now", null)).EnsureSuccessStatusCode();
            await Eventually.TrueAsync(() => StowageApi.FinishedRuns(Cluster, policyId).Count == 2, "the run during the outage to fail", TimeSpan.FromSeconds(240));
            var failed = StowageApi.FinishedRuns(Cluster, policyId)[1];
            Assert.Equal(RunOutcome.Failed, failed.Outcome);
            Assert.Contains(S3.ServiceUrl, failed.Reason);
            Assert.Contains($"'{bucket}'", failed.Reason);
            Assert.Contains("Check that the endpoint is reachable", failed.Reason);

            // The next slot is an hour away; the failed run is tried again after the failure wait.
            await Eventually.TrueAsync(() => StowageApi.RequestedRuns(Cluster, policyId).Count == 3, "the retry of the failed run", TimeSpan.FromSeconds(120));
            var retry = StowageApi.RequestedRuns(Cluster, policyId)[2];
            Assert.True(retry.OccurredAt - failed.OccurredAt < TimeSpan.FromMinutes(5), $"retried {retry.OccurredAt - failed.OccurredAt} after the failure");
        }
        finally
        {
            await S3.Gateway.StartGatewayAsync();
        }
        await Eventually.TrueAsync(() => StowageApi.FinishedRuns(Cluster, policyId).Any(r => r.RunId == StowageApi.RequestedRuns(Cluster, policyId)[2].RunId && r.Outcome == RunOutcome.Succeeded),
            "the retry to succeed once the store is back", TimeSpan.FromSeconds(240));
    }
}

using System.Net.Http.Json;
using Stowage.Common.EventSourcing;

namespace Stowage.EndToEnd.Tests;

/// <summary>Every component heals back to what the policies ask for: lost workflows come back, paused stays paused.</summary>
[Collection(S3ServerCollection.Name)]
public sealed class SelfHealingTests(S3ServerFixture s3) : ClusterTest(s3)
{
    private const int LargeFileBytes = 192 * 1024 * 1024;

    // Held to 8 MiB/s, the large copy is still uploading when the sidecar restarts, however fast the machine is.
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string> { ["Mover__UploadBytesPerSecond"] = $"{8 * 1024 * 1024}" };

    [Fact]
    public async Task A_sidecar_restart_mid_backup_brings_back_every_schedule_and_closes_the_lost_run_as_interrupted()
    {
        var volume = await SampleApplication.DeployAsync(Cluster.Kubernetes, "heal", "ledger");
        LargeVolume.WriteRandomFile(Path.Combine(volume, "base", "big-relation"), LargeFileBytes, seed: 11);
        await SampleApplication.DeployAsync(Cluster.Kubernetes, "heal", "inventory");
        await StowageApi.WaitForDiscoveryAsync(Cluster, "heal", "ledger");
        await StowageApi.WaitForDiscoveryAsync(Cluster, "heal", "inventory");
        var bucket = await S3.CreateBucketAsync("e2e-sidecar-restart");
        var target = StowageApi.S3Target(Cluster, bucket);
        var ledger = await StowageApi.CreatePolicyAsync(Cluster, Policy("ledger", target));
        var inventory = await StowageApi.CreatePolicyAsync(Cluster, Policy("inventory", StowageApi.S3Target(Cluster, await S3.CreateBucketAsync("e2e-sidecar-restart-2"))));
        await Eventually.TrueAsync(() => StowageApi.FinishedRuns(Cluster, inventory).Count >= 1, "the small policy's first run", TimeSpan.FromSeconds(120));

        await LargeVolume.WaitForIndexedPacksAsync(S3, bucket);
        var lost = Assert.Single(StowageApi.RequestedRuns(Cluster, ledger)).RunId;
        Assert.Empty(StowageApi.FinishedRuns(Cluster, ledger));

        await Cluster.Installation.RestartSidecarAsync();
        Assert.Null(await StowageApi.ScheduleAsync(Cluster, ledger));

        // Back within a reconciliation period, plus the time a pass takes on a loaded machine.
        var healing = TimeSpan.FromSeconds(30);
        await Eventually.TrueAsync(async () => await StowageApi.HasLiveScheduleAsync(Cluster, ledger) && await StowageApi.HasLiveScheduleAsync(Cluster, inventory),
            "both schedules to be rebuilt", healing);

        await Eventually.TrueAsync(() => StowageApi.FinishedRuns(Cluster, ledger).Any(r => r.Outcome == RunOutcome.Succeeded), "a backup after the restart", TimeSpan.FromSeconds(300));
        var finished = StowageApi.FinishedRuns(Cluster, ledger);
        var interrupted = Assert.Single(finished, r => r.Outcome == RunOutcome.Interrupted);
        Assert.Equal(lost, interrupted.RunId);
        Assert.Contains("workflow is gone", interrupted.Reason);
        var replacement = finished.First(r => r.Outcome == RunOutcome.Succeeded);
        // The new run reused what the lost one had uploaded and indexed.
        Assert.True(replacement.Volumes.Single().BytesAdded < LargeFileBytes, $"uploaded {replacement.Volumes.Single().BytesAdded} bytes after the restart");

        var backups = await StowageApi.ListBackupsAsync(Cluster, target);
        Assert.DoesNotContain(backups, b => b.GetProperty("runId").GetString() == lost);
        Assert.Single(backups, b => b.GetProperty("runId").GetString() == replacement.RunId);
        using var mover = Cluster.Client("mover");
        await Eventually.TrueAsync(async () => (await mover.GetFromJsonAsync<JsonElement>($"/runs?policyId={ledger}")).EnumerateArray()
                .Single(r => r.GetProperty("runId").GetString() == lost).GetProperty("state").GetString() == "Interrupted",
            "the run history to show the lost run as interrupted", TimeSpan.FromSeconds(30));

        using var scheduler = Cluster.Client("scheduler");
        Assert.True((await scheduler.GetAsync("/readyz")).IsSuccessStatusCode);
    }

    [Fact]
    public async Task A_paused_policy_stays_paused_when_its_spec_changes_and_resuming_starts_one_schedule()
    {
        await SampleApplication.DeployAsync(Cluster.Kubernetes, "heal", "archive");
        await StowageApi.WaitForDiscoveryAsync(Cluster, "heal", "archive");
        var target = StowageApi.S3Target(Cluster, await S3.CreateBucketAsync("e2e-paused"));
        var spec = Policy("archive", target) with { Schedule = new BackupSchedule(Interval: "5s") };
        var policyId = await StowageApi.CreatePolicyAsync(Cluster, spec);
        await Eventually.TrueAsync(() => StowageApi.FinishedRuns(Cluster, policyId).Count >= 1, "the first run", TimeSpan.FromSeconds(120));

        using var policy = Cluster.Client("policy");
        (await policy.PostAsync($"/policies/{policyId}/pause", null)).EnsureSuccessStatusCode();
        await Eventually.TrueAsync(async () => !await StowageApi.HasLiveScheduleAsync(Cluster, policyId), "the schedule to stop", TimeSpan.FromSeconds(60));
        // A run already started when the pause came finishes on its own.
        await Eventually.TrueAsync(() => StowageApi.FinishedRuns(Cluster, policyId).Count == StowageApi.RequestedRuns(Cluster, policyId).Count, "runs in flight to end");
        var requestedWhenPaused = StowageApi.RequestedRuns(Cluster, policyId).Count;

        using var current = await policy.GetAsync($"/policies/{policyId}");
        var change = new HttpRequestMessage(HttpMethod.Put, $"/policies/{policyId}") { Content = JsonContent.Create(spec with { Retention = new RetentionRule(4) }, options: EventJson.Options) };
        change.Headers.IfMatch.Add(current.Headers.ETag!);
        (await policy.SendAsync(change)).EnsureSuccessStatusCode();

        // Three reconciliation periods and many 5 s slots: neither the change's event nor a pass may start the schedule.
        await Task.Delay(3 * StowageCluster.ReconciliationPeriod + TimeSpan.FromSeconds(2));
        Assert.False(await StowageApi.HasLiveScheduleAsync(Cluster, policyId));
        Assert.Equal(requestedWhenPaused, StowageApi.RequestedRuns(Cluster, policyId).Count);

        (await policy.PostAsync($"/policies/{policyId}/resume", null)).EnsureSuccessStatusCode();
        await Eventually.TrueAsync(() => StowageApi.FinishedRuns(Cluster, policyId).Count >= requestedWhenPaused + 2, "two runs after resuming", TimeSpan.FromSeconds(120));
        // One schedule: its runs never overlap, each requested only after the previous one finished.
        var requested = StowageApi.RequestedRuns(Cluster, policyId).Skip(requestedWhenPaused).ToList();
        var ends = StowageApi.FinishedRuns(Cluster, policyId).ToDictionary(f => f.RunId, f => f.OccurredAt);
        for (var i = 1; i < requested.Count; i++)
        {
            Assert.True(ends.TryGetValue(requested[i - 1].RunId, out var end) && end <= requested[i].OccurredAt, $"run {requested[i].RunId} overlapped {requested[i - 1].RunId}");
        }
        Assert.Equal(4, requested[^1].Spec.Retention.KeepLast);
    }

    private static PolicySpec Policy(string name, BackupTarget target) =>
        new(new ApplicationRef("heal", name), target, new BackupSchedule(Interval: "15s"), new RetentionRule(3), Hooks: [new HookSpec(HookPhase.Pre, "postgres", ["true"])]);
}

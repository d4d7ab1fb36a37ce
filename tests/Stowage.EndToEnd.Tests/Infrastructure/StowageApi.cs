using System.Net.Http.Json;
using System.Text.Json;
using Stowage.Common.EventSourcing;
using Stowage.Contracts.Backups;
using Stowage.Contracts.Policies;
using Stowage.Contracts.Restores;
using Stowage.Testing.Dapr;

namespace Stowage.EndToEnd.Tests.Infrastructure;

/// <summary>What a user does through the services' REST APIs, and what the tests wait for.</summary>
public static class StowageApi
{
    public static BackupTarget S3Target(StowageCluster cluster, string bucket) =>
        new(TargetProviders.GenericS3, bucket, new CredentialsRef(ConfigurationName: "e2e"), Endpoint: cluster.S3.ServiceUrl, Prefix: "stowage", Region: "us-east-1");

    public static async Task WaitForDiscoveryAsync(StowageCluster cluster, string ns, string name)
    {
        using var policy = cluster.Client("policy");
        await Eventually.TrueAsync(async () =>
            (await policy.GetFromJsonAsync<JsonElement>("/suggestions")).EnumerateArray().Any(s => s.GetProperty("id").GetString() == $"{ns}/{name}"),
            $"discovery to announce {ns}/{name}", TimeSpan.FromSeconds(90));
    }

    public static async Task<string> CreatePolicyAsync(StowageCluster cluster, PolicySpec spec)
    {
        using var policy = cluster.Client("policy");
        using var response = await policy.PostAsJsonAsync("/policies", spec, EventJson.Options);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
    }

    public static IReadOnlyList<BackupFinished> FinishedRuns(StowageCluster cluster, string policyId) =>
        cluster.Recorder.On(BackupTopics.Finished).Select(e => e.Deserialize<BackupFinished>(EventJson.Options)!)
            .Where(f => f.PolicyId == policyId).DistinctBy(f => f.RunId).ToList();

    public static IReadOnlyList<BackupRequested> RequestedRuns(StowageCluster cluster, string policyId) =>
        cluster.Recorder.On(BackupTopics.Requested).Select(e => e.Deserialize<BackupRequested>(EventJson.Options)!)
            .Where(r => r.PolicyId == policyId).DistinctBy(r => r.RunId).ToList();

    /// <summary>The policy's schedule as the scheduler shows it, or null when it has none (404).</summary>
    public static async Task<JsonElement?> ScheduleAsync(StowageCluster cluster, string policyId)
    {
        using var scheduler = cluster.Client("scheduler");
        using var response = await scheduler.GetAsync($"/schedules/{policyId}");
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound) return null;
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<bool> HasLiveScheduleAsync(StowageCluster cluster, string policyId) =>
        await ScheduleAsync(cluster, policyId) is { } schedule && schedule.GetProperty("runtimeStatus").GetString() is "Running" or "Pending" or "ContinuedAsNew";

    public static async Task<IReadOnlyList<JsonElement>> ListBackupsAsync(StowageCluster cluster, BackupTarget target)
    {
        using var restore = cluster.Client("restore");
        using var response = await restore.PostAsJsonAsync("/backups/list", new { target }, EventJson.Options);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
    }

    /// <summary>Starts a restore (as the operator, or as the caller whose token is given) and waits for its report.</summary>
    public static async Task<JsonElement> RestoreAsync(StowageCluster cluster, RestoreRequest request, string? token = null)
    {
        using var restore = token is null ? cluster.Client("restore") : cluster.Client("restore", token);
        using var started = await restore.PostAsJsonAsync("/restores", request, EventJson.Options);
        var body = await started.Content.ReadAsStringAsync();
        Assert.True(started.IsSuccessStatusCode, body);
        var id = JsonDocument.Parse(body).RootElement.GetProperty("restoreId").GetString();
        var report = await Eventually.ReturnsAsync<JsonDocument>(async () =>
        {
            var state = await restore.GetFromJsonAsync<JsonElement>($"/restores/{id}");
            var status = state.GetProperty("runtimeStatus").GetString();
            if (status == "Failed") Assert.Fail($"restore workflow failed: {state}");
            return status == "Completed" ? JsonDocument.Parse(state.GetProperty("report").GetRawText()) : null;
        }, "the restore to complete", TimeSpan.FromSeconds(120));
        return report.RootElement;
    }
}

using Stowage.Console.Access;
using Stowage.Contracts.Policies;

namespace Stowage.Console.Services;

/// <summary>What a viewer can do from the console, each one call of a service's public API.</summary>
public sealed class ConsoleActions(StowageServices services)
{
    public Task<ServiceAnswer> ProtectAsync(Viewer viewer, ApplicationRef application, BackupTarget target, CancellationToken ct) =>
        services.SendAsync("Policy", HttpMethod.Post, $"/suggestions/{Uri.EscapeDataString(application.Namespace)}/{Uri.EscapeDataString(application.Name)}/accept",
            viewer, new { target }, ct);

    /// <summary>Changes schedule and retention, with the version the viewer saw, so a concurrent change is not overwritten.</summary>
    public Task<ServiceAnswer> ChangeScheduleAsync(Viewer viewer, string policyId, long version, BackupSchedule schedule, RetentionRule retention, CancellationToken ct) =>
        services.SendAsync("Policy", HttpMethod.Patch, $"/policies/{Uri.EscapeDataString(policyId)}", viewer,
            new { schedule = new { interval = schedule.Interval, cron = schedule.Cron, timeZone = schedule.TimeZone }, retention }, ct, ifMatch: $"\"{version}\"");

    public Task<ServiceAnswer> PauseAsync(Viewer viewer, string policyId, CancellationToken ct) =>
        services.SendAsync("Policy", HttpMethod.Post, $"/policies/{Uri.EscapeDataString(policyId)}/pause?reason={Uri.EscapeDataString($"paused in the console by {viewer.UserName}")}", viewer, null, ct);

    public Task<ServiceAnswer> ResumeAsync(Viewer viewer, string policyId, CancellationToken ct) =>
        services.SendAsync("Policy", HttpMethod.Post, $"/policies/{Uri.EscapeDataString(policyId)}/resume", viewer, null, ct);

    public Task<ServiceAnswer> BackUpNowAsync(Viewer viewer, string policyId, CancellationToken ct) =>
        services.SendAsync("Scheduler", HttpMethod.Post, $"/schedules/{Uri.EscapeDataString(policyId)}/run-now", viewer, null, ct);

    public Task<ServiceAnswer> RunStatusAsync(Viewer viewer, string runId, CancellationToken ct) =>
        services.SendAsync("Mover", HttpMethod.Get, $"/runs/{Uri.EscapeDataString(runId)}", viewer, null, ct);

    public Task<ServiceAnswer> RestorePointsAsync(Viewer viewer, BackupTarget target, string ns, string policyId, CancellationToken ct) =>
        services.SendAsync("Restore", HttpMethod.Post, "/backups/list", viewer, new { target, credentialsNamespace = ns, policyId }, ct);

    public Task<ServiceAnswer> StartRestoreAsync(Viewer viewer, BackupTarget target, string ns, string runId, string targetNamespace,
        IReadOnlyDictionary<string, string> storageClassMap, CancellationToken ct) =>
        services.SendAsync("Restore", HttpMethod.Post, "/restores", viewer,
            new { target, runId, targetNamespace, storageClassMap, credentialsNamespace = ns }, ct);

    public Task<ServiceAnswer> RestoreStatusAsync(Viewer viewer, string restoreId, CancellationToken ct) =>
        services.SendAsync("Restore", HttpMethod.Get, $"/restores/{Uri.EscapeDataString(restoreId)}", viewer, null, ct);
}

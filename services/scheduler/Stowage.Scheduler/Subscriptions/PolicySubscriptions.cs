using Stowage.Common.Messaging;
using Stowage.Contracts;
using Stowage.Contracts.Backups;
using Stowage.Contracts.Policies;
using Stowage.Scheduler.Commands;
using Stowage.Scheduler.Policies;
using Stowage.Scheduler.Schedules;

namespace Stowage.Scheduler.Subscriptions;

/// <summary>
/// Every policy event updates the scheduler's view of that policy, then its schedule is made to match the view (so a
/// changed paused policy stays paused); finished runs let a schedule move on.
/// </summary>
internal static class PolicySubscriptions
{
    public static IEndpointRouteBuilder MapPolicySubscriptions(this IEndpointRouteBuilder app)
    {
        var events = app.MapEventRoutes();
        events.MapPost("/policy-created", (PolicyCreated e, ScheduledPolicyStore views, ScheduleCoordinator schedules, CancellationToken ct) =>
            ApplyAsync(e, views, schedules, ct)).WithTopic(DaprComponents.PubSub, PolicyTopics.Created);
        events.MapPost("/policy-changed", (PolicyChanged e, ScheduledPolicyStore views, ScheduleCoordinator schedules, CancellationToken ct) =>
            ApplyAsync(e, views, schedules, ct)).WithTopic(DaprComponents.PubSub, PolicyTopics.Changed);
        events.MapPost("/policy-resumed", (PolicyResumed e, ScheduledPolicyStore views, ScheduleCoordinator schedules, CancellationToken ct) =>
            ApplyAsync(e, views, schedules, ct)).WithTopic(DaprComponents.PubSub, PolicyTopics.Resumed);
        events.MapPost("/policy-paused", (PolicyPaused e, ScheduledPolicyStore views, ScheduleCoordinator schedules, CancellationToken ct) =>
            ApplyAsync(e, views, schedules, ct)).WithTopic(DaprComponents.PubSub, PolicyTopics.Paused);
        events.MapPost("/policy-deleted", (PolicyDeleted e, ScheduledPolicyStore views, ScheduleCoordinator schedules, CancellationToken ct) =>
            ApplyAsync(e, views, schedules, ct)).WithTopic(DaprComponents.PubSub, PolicyTopics.Deleted);
        events.MapPost("/backup-finished", RunFinishedAsync).WithTopic(DaprComponents.PubSub, BackupTopics.Finished);
        events.MapBackupCommands();
        events.MapRestoreCommands();
        return app;
    }

    private static async Task ApplyAsync(PolicyEvent e, ScheduledPolicyStore views, ScheduleCoordinator schedules, CancellationToken ct)
    {
        if (await views.ApplyAsync(e, ct) is { } view) await schedules.ReconcileAsync(view, ct);
    }

    private static async Task RunFinishedAsync(BackupFinished e, ScheduledPolicyStore views, ScheduleCoordinator schedules, CancellationToken ct)
    {
        if (e.IsRefusal) return;
        if (e.Outcome != RunOutcome.Interrupted) await views.RecordRunEndedAsync(e.PolicyId, e.OccurredAt.UtcDateTime, ct);
        await schedules.ReportRunFinishedAsync(e, ct);
    }
}

using Stowage.Common.Messaging;
using Stowage.Contracts;
using Stowage.Contracts.Backups;
using Stowage.Contracts.Policies;
using Stowage.Scheduler.Schedules;

namespace Stowage.Scheduler.Subscriptions;

/// <summary>Policy events start, update and stop schedules; finished runs let a schedule move on.</summary>
internal static class PolicySubscriptions
{
    public static IEndpointRouteBuilder MapPolicySubscriptions(this IEndpointRouteBuilder app)
    {
        var events = app.MapEventRoutes();
        events.MapPost("/policy-created", (PolicyCreated e, ScheduleCoordinator schedules, CancellationToken ct) =>
            e.Paused ? Task.CompletedTask : schedules.StartOrUpdateAsync(e.PolicyId, e.Version, e.Spec, ct)).WithTopic(DaprComponents.PubSub, PolicyTopics.Created);
        events.MapPost("/policy-changed", (PolicyChanged e, ScheduleCoordinator schedules, CancellationToken ct) =>
            schedules.StartOrUpdateAsync(e.PolicyId, e.Version, e.Spec, ct)).WithTopic(DaprComponents.PubSub, PolicyTopics.Changed);
        events.MapPost("/policy-resumed", (PolicyResumed e, ScheduleCoordinator schedules, CancellationToken ct) =>
            schedules.StartOrUpdateAsync(e.PolicyId, e.Version, e.Spec, ct)).WithTopic(DaprComponents.PubSub, PolicyTopics.Resumed);
        events.MapPost("/policy-paused", (PolicyPaused e, ScheduleCoordinator schedules, CancellationToken ct) =>
            schedules.StopAsync(e.PolicyId, e.Version, ct)).WithTopic(DaprComponents.PubSub, PolicyTopics.Paused);
        events.MapPost("/policy-deleted", (PolicyDeleted e, ScheduleCoordinator schedules, CancellationToken ct) =>
            schedules.StopAsync(e.PolicyId, e.Version, ct)).WithTopic(DaprComponents.PubSub, PolicyTopics.Deleted);
        events.MapPost("/backup-finished", (BackupFinished e, ScheduleCoordinator schedules, CancellationToken ct) =>
            schedules.ReportRunFinishedAsync(e.PolicyId, e, ct)).WithTopic(DaprComponents.PubSub, BackupTopics.Finished);
        return app;
    }
}

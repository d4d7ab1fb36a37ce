using Stowage.Common.Messaging;
using Dapr.Workflow;
using Stowage.Contracts;
using Stowage.Contracts.Backups;
using Stowage.Contracts.Discovery;
using Stowage.Mover.Applications;
using Stowage.Mover.Runs;
using Stowage.Mover.Workflows;

namespace Stowage.Mover.Subscriptions;

/// <summary>Backup requests start runs (once per run id); discovery's events keep the application directory.</summary>
internal static class MoverSubscriptions
{
    public static IEndpointRouteBuilder MapMoverSubscriptions(this IEndpointRouteBuilder app)
    {
        var events = app.MapEventRoutes();
        events.MapPost("/backup-requested", StartRunAsync).WithTopic(DaprComponents.PubSub, BackupTopics.Requested);
        events.MapPost("/backup-progressed", (BackupProgressed e, RunHistory history, CancellationToken ct) =>
            history.ProgressedAsync(e, ct)).WithTopic(DaprComponents.PubSub, BackupTopics.Progress);
        events.MapPost("/backup-finished", (BackupFinished e, RunHistory history, CancellationToken ct) =>
            history.FinishedAsync(e, ct)).WithTopic(DaprComponents.PubSub, BackupTopics.Finished);
        events.MapPost("/application-discovered", (ApplicationDiscovered e, ApplicationDirectory directory, CancellationToken ct) =>
            directory.SaveAsync(e.Application, ct)).WithTopic(DaprComponents.PubSub, DiscoveryTopics.ApplicationDiscovered);
        events.MapPost("/application-changed", (ApplicationChanged e, ApplicationDirectory directory, CancellationToken ct) =>
            directory.SaveAsync(e.Application, ct)).WithTopic(DaprComponents.PubSub, DiscoveryTopics.ApplicationChanged);
        events.MapPost("/application-removed", (ApplicationRemoved e, ApplicationDirectory directory, CancellationToken ct) =>
            directory.RemoveAsync(e.Application.Id, ct)).WithTopic(DaprComponents.PubSub, DiscoveryTopics.ApplicationRemoved);
        return app;
    }

    private static async Task StartRunAsync(BackupRequested request, DaprWorkflowClient workflows, RunHistory history, CancellationToken ct)
    {
        await history.RequestedAsync(request, ct);
        var existing = await workflows.GetWorkflowStateAsync(request.RunId, getInputsAndOutputs: false, ct);
        if (existing is { Exists: true }) return;
        await workflows.ScheduleNewWorkflowAsync(nameof(BackupWorkflow), request.RunId, request);
    }
}

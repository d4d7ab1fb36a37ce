using Stowage.Common.Messaging;
using Stowage.Console.Observability;
using Stowage.Console.Projections;
using Stowage.Contracts;
using Stowage.Contracts.Backups;
using Stowage.Contracts.Discovery;
using Stowage.Contracts.Policies;
using Stowage.Contracts.Restores;

namespace Stowage.Console.Subscriptions;

/// <summary>
/// Every event that says something about an application's protection is folded into its view. Events that name
/// only a policy or a run find their application through the owner records written when the policy or run appeared.
/// </summary>
internal static class ProtectionSubscriptions
{
    public static IEndpointRouteBuilder MapProtectionSubscriptions(this IEndpointRouteBuilder app)
    {
        var events = app.MapEventRoutes();
        events.MapPost("/application-discovered", (ApplicationDiscovered e, ProtectionViews views, CancellationToken ct) =>
            views.ApplyAsync(e.Application.Namespace, e.Application.Name, e, ct)).WithTopic(DaprComponents.PubSub, DiscoveryTopics.ApplicationDiscovered);
        events.MapPost("/application-changed", (ApplicationChanged e, ProtectionViews views, CancellationToken ct) =>
            views.ApplyAsync(e.Application.Namespace, e.Application.Name, e, ct)).WithTopic(DaprComponents.PubSub, DiscoveryTopics.ApplicationChanged);
        events.MapPost("/application-removed", (ApplicationRemoved e, ProtectionViews views, CancellationToken ct) =>
            views.ApplyAsync(e.Application.Namespace, e.Application.Name, e, ct)).WithTopic(DaprComponents.PubSub, DiscoveryTopics.ApplicationRemoved);

        MapPolicy<PolicyCreated>(events, PolicyTopics.Created, e => e.Spec.Application);
        MapPolicy<PolicyChanged>(events, PolicyTopics.Changed, e => e.Spec.Application);
        MapPolicy<PolicyPaused>(events, PolicyTopics.Paused, e => e.Application);
        MapPolicy<PolicyResumed>(events, PolicyTopics.Resumed, e => e.Spec.Application);
        MapPolicy<PolicyOrphaned>(events, PolicyTopics.Orphaned, e => e.Application);
        MapPolicy<PolicyAdopted>(events, PolicyTopics.Adopted, e => e.Application);
        MapPolicy<PolicyDeleted>(events, PolicyTopics.Deleted, e => e.Application);

        events.MapPost("/backup-requested", async (BackupRequested e, ProtectionViews views, CancellationToken ct) =>
        {
            var application = e.Spec.Application;
            await views.RememberOwnerAsync("policy", e.PolicyId, application.ToString(), ct);
            await views.RememberOwnerAsync("run", e.RunId, application.ToString(), ct);
            await views.ApplyAsync(application.Namespace, application.Name, e, ct);
        }).WithTopic(DaprComponents.PubSub, BackupTopics.Requested);
        events.MapPost("/backup-progressed", (BackupProgressed e, ProtectionViews views, ILogger<ProtectionViews> logger, CancellationToken ct) =>
            ApplyToOwnerAsync(views, logger, "policy", e.PolicyId, e, ct)).WithTopic(DaprComponents.PubSub, BackupTopics.Progress);
        events.MapPost("/backup-finished", (BackupFinished e, ProtectionViews views, ILogger<ProtectionViews> logger, CancellationToken ct) =>
            e.IsRefusal ? Task.CompletedTask : ApplyToOwnerAsync(views, logger, "policy", e.PolicyId, e, ct)).WithTopic(DaprComponents.PubSub, BackupTopics.Finished);
        events.MapPost("/restore-finished", (RestoreFinished e, ProtectionViews views, ILogger<ProtectionViews> logger, CancellationToken ct) =>
            e.IsRefusal ? Task.CompletedTask : ApplyToOwnerAsync(views, logger, "run", e.RunId, e, ct)).WithTopic(DaprComponents.PubSub, RestoreTopics.Finished);
        return app;
    }

    private static void MapPolicy<TEvent>(RouteGroupBuilder events, string topic, Func<TEvent, ApplicationRef> application) where TEvent : PolicyEvent =>
        events.MapPost($"/{topic.Replace('.', '-')}", async (TEvent e, ProtectionViews views, CancellationToken ct) =>
        {
            var owner = application(e);
            await views.RememberOwnerAsync("policy", e.PolicyId, owner.ToString(), ct);
            await views.ApplyAsync(owner.Namespace, owner.Name, e, ct);
        }).WithTopic(DaprComponents.PubSub, topic);

    // A run of a policy this console never saw (it started later, or the backup came from another cluster) is not shown.
    private static async Task ApplyToOwnerAsync(ProtectionViews views, ILogger logger, string kind, string key, IIntegrationEvent e, CancellationToken ct)
    {
        if (await views.OwnerAsync(kind, key, ct) is not { } owner)
        {
            ConsoleLog.UnknownOwner(logger, e.GetType().Name, kind, key);
            return;
        }
        var slash = owner.IndexOf('/');
        await views.ApplyAsync(owner[..slash], owner[(slash + 1)..], e, ct);
    }
}

using Stowage.Common.Messaging;
using Stowage.Contracts;
using Stowage.Contracts.Discovery;
using Stowage.Contracts.Policies;
using Stowage.Policy.Domain;
using Stowage.Policy.Projections;

namespace Stowage.Policy.Suggestions;

/// <summary>
/// Discovery's events become suggestions, and mark the policies of vanished applications orphaned (adopted
/// again when they return). Every handler is idempotent, so a redelivered event changes nothing.
/// </summary>
internal static class DiscoverySubscriptions
{
    public static IEndpointRouteBuilder MapDiscoverySubscriptions(this IEndpointRouteBuilder app)
    {
        var events = app.MapEventRoutes();
        events.MapPost("/application-discovered", (ApplicationDiscovered e, SuggestionStore suggestions, PolicyViews views, PolicyCommandHandler handler, CancellationToken ct) =>
            SeenAsync(e.Application, e.OccurredAt, suggestions, views, handler, ct)).WithTopic(DaprComponents.PubSub, DiscoveryTopics.ApplicationDiscovered);
        events.MapPost("/application-changed", (ApplicationChanged e, SuggestionStore suggestions, PolicyViews views, PolicyCommandHandler handler, CancellationToken ct) =>
            SeenAsync(e.Application, e.OccurredAt, suggestions, views, handler, ct)).WithTopic(DaprComponents.PubSub, DiscoveryTopics.ApplicationChanged);
        events.MapPost("/application-removed", (ApplicationRemoved e, SuggestionStore suggestions, PolicyViews views, PolicyCommandHandler handler, CancellationToken ct) =>
            RemovedAsync(e.Application, suggestions, views, handler, ct)).WithTopic(DaprComponents.PubSub, DiscoveryTopics.ApplicationRemoved);
        return app;
    }

    private static async Task SeenAsync(ApplicationDescription application, DateTimeOffset at, SuggestionStore suggestions, PolicyViews views, PolicyCommandHandler handler, CancellationToken ct)
    {
        await suggestions.SaveAsync(PolicySuggestion.From(application, at), ct);
        if (await views.FindByApplicationAsync(Ref(application), ct) is { } policy)
        {
            await handler.HandleAsync(policy.Id, new MarkApplicationSeen(), expectedVersion: null, ct);
        }
    }

    private static async Task RemovedAsync(ApplicationDescription application, SuggestionStore suggestions, PolicyViews views, PolicyCommandHandler handler, CancellationToken ct)
    {
        await suggestions.RemoveAsync(application.Id, ct);
        if (await views.FindByApplicationAsync(Ref(application), ct) is { } policy)
        {
            await handler.HandleAsync(policy.Id, new MarkApplicationRemoved(), expectedVersion: null, ct);
        }
    }

    private static ApplicationRef Ref(ApplicationDescription application) => new(application.Namespace, application.Name);
}

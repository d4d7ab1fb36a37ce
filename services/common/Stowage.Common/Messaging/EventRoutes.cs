using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Stowage.Common.Messaging;

public static class EventRoutes
{
    /// <summary>Where every pub/sub delivery route lives; <see cref="SidecarOnlyRoutes"/> guards it.</summary>
    public const string Prefix = "/events";

    /// <summary>
    /// The routes pub/sub delivers events to: callable by the Dapr sidecar only, hidden from the OpenAPI document,
    /// validated (<see cref="EventValidationFilter"/>), then deduplicated by event id.
    /// </summary>
    public static RouteGroupBuilder MapEventRoutes(this IEndpointRouteBuilder app)
    {
        var events = app.MapGroup(Prefix);
        events.ExcludeFromDescription();
        events.AllowAnonymous(); // SidecarOnlyRoutes admits only the sidecar: it holds the app token, not a user's

        events.AddEndpointFilter<EventValidationFilter>();
        events.AddEndpointFilter<EventDeduplicationFilter>();
        return events;
    }
}

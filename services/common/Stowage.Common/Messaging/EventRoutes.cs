using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Stowage.Common.Messaging;

public static class EventRoutes
{
    /// <summary>The routes pub/sub delivers events to: hidden from the OpenAPI document, deduplicated by event id.</summary>
    public static RouteGroupBuilder MapEventRoutes(this IEndpointRouteBuilder app)
    {
        var events = app.MapGroup("/events");
        events.ExcludeFromDescription();
        events.AddEndpointFilter<EventDeduplicationFilter>();
        return events;
    }
}

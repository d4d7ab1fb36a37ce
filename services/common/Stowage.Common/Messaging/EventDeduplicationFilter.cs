using Dapr.Client;
using Microsoft.AspNetCore.Http;
using Stowage.Contracts;

namespace Stowage.Common.Messaging;

/// <summary>
/// Skips an integration event this service already handled (pub/sub delivers at least once). The event id is
/// recorded only after the handler succeeded, so a failed attempt is retried, never lost; records expire after a
/// week through the state store's TTL. Handlers stay idempotent anyway: two deliveries racing may both run.
/// </summary>
public sealed class EventDeduplicationFilter(DaprClient dapr) : IEndpointFilter
{
    private static readonly Dictionary<string, string> Expiry = new() { ["ttlInSeconds"] = "604800" };

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (context.Arguments.OfType<IIntegrationEvent>().FirstOrDefault() is not { } @event) return await next(context);
        var key = $"processed-event-{@event.EventId}";
        var ct = context.HttpContext.RequestAborted;
        if (await dapr.GetStateAsync<string?>(DaprComponents.StateStore, key, cancellationToken: ct) is not null) return Results.Ok();

        var result = await next(context);
        await dapr.SaveStateAsync(DaprComponents.StateStore, key, @event.GetType().Name, metadata: Expiry, cancellationToken: ct);
        return result;
    }
}

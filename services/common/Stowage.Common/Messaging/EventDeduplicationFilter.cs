using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Stowage.Contracts;

namespace Stowage.Common.Messaging;

/// <summary>
/// Runs the handler of an integration event once per event id (pub/sub delivers at least once): a delivery first claims
/// the event with a create-only write. A delivery that finds the event handled is answered success; one that finds it
/// claimed by another live delivery is answered RETRY, so pub/sub offers it again later. A failed handler releases the
/// claim, so the redelivery runs it again; a succeeded one marks the event handled for a week. See docs/event-store.md.
/// </summary>
public sealed partial class EventDeduplicationFilter(Dapr.Client.DaprClient dapr, TimeProvider clock, ILogger<EventDeduplicationFilter> logger)
    : IEndpointFilter
{
    private readonly EventClaims claims = new(dapr, clock);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (context.Arguments.OfType<IIntegrationEvent>().FirstOrDefault() is not { } @event) return await next(context);
        var ct = context.HttpContext.RequestAborted;
        var (answer, claim) = await claims.TryClaimAsync(@event.EventId, ct);
        switch (answer)
        {
            case ClaimAnswer.Handled:
                return Results.Ok();
            case ClaimAnswer.HeldElsewhere:
                LogHeldElsewhere(@event.EventId);
                return DeliveryAnswers.Retry;
            case ClaimAnswer.TakenOver:
                LogTakenOver(@event.EventId, claim!.PreviousOwner);
                break;
        }

        object? result;
        try
        {
            result = await next(context);
        }
        catch
        {
            await ReleaseAsync(claim!, @event.EventId);
            throw;
        }
        if (result is IStatusCodeHttpResult { StatusCode: >= 400 })
        {
            await ReleaseAsync(claim!, @event.EventId);
            return result;
        }
        await claims.MarkHandledAsync(claim!, ct);
        return result;
    }

    private async Task ReleaseAsync(HeldClaim claim, Guid eventId)
    {
        try
        {
            // Released even when the request was aborted, or the redelivery would wait out the claim's lifetime.
            if (await claims.ReleaseAsync(claim, CancellationToken.None)) LogReleased(eventId);
            else LogReleaseLost(eventId);
        }
        catch (Exception ex)
        {
            // The handler's own failure is what the caller must see; the claim goes stale and is taken over later.
            LogReleaseFailed(eventId, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Event {EventId} is being handled by another delivery; pub/sub is asked to retry")]
    private partial void LogHeldElsewhere(Guid eventId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event {EventId} was claimed by delivery {Owner} long ago; this delivery takes it over")]
    private partial void LogTakenOver(Guid eventId, string? owner);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Handling event {EventId} failed; its claim is released for the redelivery")]
    private partial void LogReleased(Guid eventId);

    [LoggerMessage(Level = LogLevel.Error, Message = "The claim on event {EventId} could not be released; redeliveries wait until it is stale: {Reason}")]
    private partial void LogReleaseFailed(Guid eventId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Handling event {EventId} failed, and its claim had already been taken over by another delivery")]
    private partial void LogReleaseLost(Guid eventId);
}

using Microsoft.AspNetCore.Http;
using Stowage.Contracts;

namespace Stowage.Common.Messaging;

/// <summary>
/// Validates an event before anything acts on it, as <see cref="Validation.ValidationFilter{T}"/> validates a request
/// body: an event lacking its id, its time or a member its contract requires is answered 400 with a problem that names
/// each missing field, and neither the deduplication claim nor the handler runs. (daprd retries a 400 and then drops
/// the event or sends it to the dead-letter topic; either way it changes nothing.)
/// </summary>
internal sealed class EventValidationFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (context.Arguments.OfType<IIntegrationEvent>().FirstOrDefault() is { } @event && EventShape.Problems(@event) is { Count: > 0 } problems)
        {
            return TypedResults.ValidationProblem(problems, title: "The event is malformed.");
        }
        return await next(context);
    }
}

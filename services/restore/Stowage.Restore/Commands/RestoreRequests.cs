using Dapr.Workflow;
using FluentValidation;
using Microsoft.Extensions.Options;
using Stowage.Common.Access;
using Stowage.Common.Messaging;
using Stowage.Contracts;
using Stowage.Contracts.Restores;
using Stowage.Restore.Workflows;

namespace Stowage.Restore.Commands;

/// <summary>
/// Restores that restore commands ask for (docs/api.md, "Event triggers"), resolved by the scheduler. Each runs as the
/// commands identity (<see cref="CommandsOptions.ServiceAccount"/>), never as whoever sent the command, through the same
/// checks as a REST restore: the request's fields, where its credentials Secret lies, and, once the backup is read, a
/// SubjectAccessReview for each thing it would do. A refused one ends in a Failed restore.finished with the command's
/// correlation id, and writes nothing. One delivered twice starts one restore (its id is made from the command's).
/// </summary>
internal static class RestoreRequests
{
    public static IEndpointRouteBuilder MapRestoreRequests(this IEndpointRouteBuilder app)
    {
        app.MapEventRoutes().MapPost("/restore-requested", HandleAsync).WithTopic(DaprComponents.PubSub, RestoreTopics.Requested);
        return app;
    }

    private static async Task HandleAsync(RestoreRequested requested, DaprWorkflowClient workflows, IOptions<CommandsOptions> options,
        IValidator<RestoreRequest> validator, CredentialsPlacement placement, IEventPublisher publisher, TimeProvider clock, CancellationToken ct)
    {
        var request = requested.Request;
        var validation = await validator.ValidateAsync(request, ct);
        var targetNamespace = request.TargetNamespace ?? request.Application?.Namespace ?? "";
        var refusal = options.Value.Caller is null ? $"Restore commands are not enabled: {CommandsOptions.Section}:ServiceAccount names no identity to run them as."
            : !validation.IsValid ? string.Join(" ", validation.Errors.Select(e => e.ErrorMessage).Distinct())
            : placement.RefusalMessage(request.Target.Credentials, request.CredentialsNamespace, targetNamespace);
        if (refusal is not null)
        {
            var answer = RestoreFinished.Refused(DerivedIds.Of(requested.EventId, 0x5E), clock.GetUtcNow(), requested.RestoreId, request.RunId ?? "", refusal,
                requested.CorrelationId);
            await publisher.PublishAsync(RestoreTopics.Finished, answer, ct);
            return;
        }

        if (await workflows.GetWorkflowStateAsync(requested.RestoreId, getInputsAndOutputs: false, ct) is { Exists: true }) return;
        var input = new RestoreInput(requested.RestoreId, request, options.Value.Caller!, requested.CorrelationId);
        await workflows.ScheduleNewWorkflowAsync(nameof(RestoreWorkflow), requested.RestoreId, input);
    }
}

using Stowage.Common.Messaging;
using Stowage.Contracts;
using Stowage.Contracts.Restores;
using Stowage.Scheduler.Policies;

namespace Stowage.Scheduler.Commands;

/// <summary>
/// Restore commands from other systems (docs/api.md, "Event triggers"). The scheduler knows every policy, so it finds
/// the bucket of the application the command names and hands the restore service a restore.requested; the restore runs as
/// the commands identity, never as the sender, and only where that identity may create what the backup holds. A command
/// with a field missing or wrong, or naming no known policy, is answered at once by a Failed restore.finished with its
/// correlation id and no restore id. A paused or deleted policy's backups may still be restored.
/// </summary>
internal static class RestoreCommands
{
    private static readonly RestoreCommandValidator Validator = new();

    public static RouteGroupBuilder MapRestoreCommands(this RouteGroupBuilder events)
    {
        events.MapPost("/restore-command", HandleAsync).WithTopic(DaprComponents.PubSub, RestoreTopics.Command);
        return events;
    }

    private static async Task HandleAsync(RestoreCommand command, ScheduledPolicyStore policies, IEventPublisher publisher, TimeProvider clock, CancellationToken ct)
    {
        var problems = Validator.Validate(command);
        var policy = problems.IsValid ? await policies.FindAsync(command.Application, command.PolicyId, ct) : null;
        var refusal = !problems.IsValid ? $"The restore command is invalid: {string.Join(" ", problems.Errors.Select(e => e.ErrorMessage).Distinct())}"
            : policy is null ? CommandPolicies.Unknown(command.Application, command.PolicyId)
            : null;
        if (refusal is not null)
        {
            var answer = RestoreFinished.Refused(DerivedIds.Of(command.EventId, 0x5B), clock.GetUtcNow(), restoreId: "", runId: "", refusal, command.CorrelationId);
            await publisher.PublishAsync(RestoreTopics.Finished, answer, ct);
            return;
        }

        await publisher.PublishAsync(RestoreTopics.Requested, Requested(command, policy!, clock.GetUtcNow()), ct);
    }

    /// <summary>The restore the command asks for, from the bucket of <paramref name="policy"/>, with the credentials its policy names.</summary>
    internal static RestoreRequested Requested(RestoreCommand command, ScheduledPolicy policy, DateTimeOffset now)
    {
        var spec = policy.Spec!;
        var request = new RestoreRequest(spec.Target,
            RunId: command.BackupId is null or RestoreCommand.Latest ? null : command.BackupId,
            Application: spec.Application,
            TargetNamespace: command.TargetNamespace,
            StorageClassMap: command.StorageClassMap,
            CredentialsNamespace: spec.Target.Credentials.SecretNamespace ?? spec.Application.Namespace);
        var restoreId = $"restore-{DerivedIds.Of(command.EventId, 0x5C):N}"[..20];
        return new RestoreRequested(DerivedIds.Of(command.EventId, 0x5D), now, restoreId, command.CorrelationId, request);
    }
}

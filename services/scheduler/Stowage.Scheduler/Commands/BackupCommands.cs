using Stowage.Common.Messaging;
using Stowage.Contracts;
using Stowage.Contracts.Backups;
using Stowage.Scheduler.Policies;
using Stowage.Scheduler.Schedules;

namespace Stowage.Scheduler.Commands;

/// <summary>
/// Backup commands from other systems (docs/api.md, "Event triggers"). A command asks the policy's schedule for a run now,
/// as POST /schedules/{id}/run-now does, carrying its correlation id to the run's backup.finished. One naming no known
/// active policy is answered at once by a Failed backup.finished with that correlation id and no run id. Who may send one
/// is decided by the pub/sub component's scopes; the run does only what the policy its namespace's team made says.
/// </summary>
internal static class BackupCommands
{
    public static RouteGroupBuilder MapBackupCommands(this RouteGroupBuilder events)
    {
        events.MapPost("/backup-command", HandleAsync).WithTopic(DaprComponents.PubSub, BackupTopics.Command);
        return events;
    }

    private static async Task HandleAsync(BackupCommand command, ScheduledPolicyStore policies, ScheduleCoordinator schedules,
        IEventPublisher publisher, TimeProvider clock, CancellationToken ct)
    {
        var policy = await policies.FindAsync(command.Application, command.PolicyId, ct);
        var refusal = policy switch
        {
            null when command.PolicyId is null && command.Application is null => "The command names neither an application nor a policy id.",
            null => CommandPolicies.Unknown(command.Application, command.PolicyId),
            { Status: ScheduledPolicyStatus.Paused } => $"Policy '{policy.PolicyId}' of application {policy.Spec!.Application} is paused: resume it first.",
            { WantsSchedule: false } => $"Policy '{policy.PolicyId}' of application {policy.Spec!.Application} is deleted.",
            _ => await schedules.RunNowAsync(policy.PolicyId, ct, command.CorrelationId) ? null
                : $"Policy '{policy.PolicyId}' of application {policy.Spec!.Application} has no running schedule yet: send the command again shortly.",
        };
        if (refusal is null) return;
        var answer = new BackupFinished(AnswerId(command.EventId), clock.GetUtcNow(), RunId: "", policy?.PolicyId ?? "", RunOutcome.Failed,
            $"{refusal} (correlation id {command.CorrelationId})", [], CorrelationId: command.CorrelationId);
        await publisher.PublishAsync(BackupTopics.Finished, answer, ct);
    }

    /// <summary>A redelivered command that is refused again publishes the same answer, which consumers drop as a duplicate.</summary>
    private static Guid AnswerId(Guid commandId) => DerivedIds.Of(commandId, 0x5A);
}

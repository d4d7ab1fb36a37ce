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
        var policy = await FindAsync(command, policies, ct);
        var refusal = policy switch
        {
            null when command.PolicyId is null && command.Application is null => "The command names neither an application nor a policy id.",
            null when command.PolicyId is { } id => $"No policy '{id}' is known: check the id.",
            null => $"No policy protects application {command.Application}: create one first.",
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

    private static async Task<ScheduledPolicy?> FindAsync(BackupCommand command, ScheduledPolicyStore policies, CancellationToken ct)
    {
        if (command.PolicyId is { } id) return await policies.GetAsync(id, ct) is { Spec: not null } known ? known : null;
        if (command.Application is not { } application) return null;
        var all = await policies.AllAsync(ct);
        var ofApplication = all.Where(p => p.Spec?.Application == application).ToList();
        return ofApplication.FirstOrDefault(p => p.Status != ScheduledPolicyStatus.Deleted) ?? ofApplication.FirstOrDefault();
    }

    /// <summary>A redelivered command that is refused again publishes the same answer, which consumers drop as a duplicate.</summary>
    private static Guid AnswerId(Guid commandId)
    {
        var bytes = commandId.ToByteArray();
        bytes[0] ^= 0x5A;
        return new Guid(System.Security.Cryptography.MD5.HashData(bytes));
    }
}

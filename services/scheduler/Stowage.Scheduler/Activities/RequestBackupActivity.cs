using Stowage.Common.Workflows;
using Dapr.Workflow;
using Stowage.Common.Messaging;
using Stowage.Contracts.Backups;
using Stowage.Scheduler.Workflows;

namespace Stowage.Scheduler.Activities;

public sealed record BackupRunRequest(string RunId, ScheduleState Schedule, BackupTrigger Trigger, string? CorrelationId = null);

/// <summary>Asks the mover for one run. Idempotent: a retry publishes the same run id, which the mover starts once.</summary>
internal sealed class RequestBackupActivity(IEventPublisher publisher, TimeProvider clock) : TracedActivity<BackupRunRequest, bool>
{
    protected override async Task<bool> ExecuteAsync(WorkflowActivityContext context, BackupRunRequest request)
    {
        var schedule = request.Schedule;
        var requested = new BackupRequested(DeterministicId(request.RunId), clock.GetUtcNow(), request.RunId, schedule.PolicyId, schedule.PolicyVersion, schedule.Spec, request.Trigger, request.CorrelationId);
        await publisher.PublishAsync(BackupTopics.Requested, requested, CancellationToken.None);
        return true;
    }

    private static Guid DeterministicId(string runId) =>
        new(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes(runId)));
}

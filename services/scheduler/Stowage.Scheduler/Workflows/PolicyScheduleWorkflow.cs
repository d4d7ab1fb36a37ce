using Dapr.Workflow;
using Stowage.Contracts.Backups;
using Stowage.Scheduler.Activities;
using Stowage.Common.Schedules;
using Stowage.Scheduler.Schedules;

namespace Stowage.Scheduler.Workflows;

/// <summary>
/// One per active policy, eternal: wait until the next run is due (or a signal), ask the mover for a run, wait
/// for it to finish (so runs of one policy never overlap), then continue as new; a failed run is retried sooner than the
/// next slot, an interrupted one at once. Its state lives in the
/// sidecar, so a scheduler restart resumes the wait where it was. Pausing or deleting the policy terminates it.
/// </summary>
internal sealed class PolicyScheduleWorkflow : Workflow<ScheduleState, string>
{
    // Changing retries of a running workflow breaks its replay, so they are fixed here once.
    private static readonly WorkflowTaskOptions ActivityRetry = new(new WorkflowRetryPolicy(5, TimeSpan.FromSeconds(2), 2, TimeSpan.FromMinutes(1)));
    private static readonly TimeSpan RunTimeout = TimeSpan.FromHours(12);

    public override async Task<string> RunAsync(WorkflowContext context, ScheduleState state)
    {
        var now = context.CurrentUtcDateTime;
        var due = ScheduleRetry.NextAttempt(state, now);
        context.SetCustomStatus(new ScheduleStatus("waiting", due, state.LastRunUtc, state.RunCount, null));

        var trigger = BackupTrigger.Scheduled;
        string? correlationId = null;
        if (due > now)
        {
            var signal = await WaitForSignalAsync(context, due - now);
            if (signal is { Kind: ScheduleSignalKind.SpecChanged, Spec: not null } && signal.PolicyVersion > state.PolicyVersion)
            {
                context.ContinueAsNew(state with { Spec = signal.Spec, PolicyVersion = signal.PolicyVersion }, preserveUnprocessedEvents: true);
                return "spec changed";
            }
            if (signal is { Kind: ScheduleSignalKind.RunNow })
            {
                trigger = BackupTrigger.Manual;
                correlationId = signal.CorrelationId;
            }
            else if (signal is { Kind: ScheduleSignalKind.RunAgain }) trigger = BackupTrigger.Scheduled;
            else if (signal is not null)
            {
                context.ContinueAsNew(state, preserveUnprocessedEvents: true);
                return "stale signal ignored";
            }
        }

        var runId = $"{state.PolicyId}-{context.CurrentUtcDateTime:yyyyMMddTHHmmss}-{context.NewGuid().ToString("N")[..6]}";
        context.SetCustomStatus(new ScheduleStatus("running", null, state.LastRunUtc, state.RunCount, runId));
        await context.CallActivityAsync(nameof(RequestBackupActivity), new BackupRunRequest(runId, state, trigger, correlationId), ActivityRetry);
        var outcome = await WaitForRunAsync(context, runId);
        context.ContinueAsNew(ScheduleRetry.AfterRun(state, outcome, context.CurrentUtcDateTime), preserveUnprocessedEvents: true);
        return runId;
    }

    private static async Task<RunOutcome?> WaitForRunAsync(WorkflowContext context, string runId)
    {
        var deadline = context.CurrentUtcDateTime + RunTimeout;
        try
        {
            while (true)
            {
                // Reports of earlier runs (delivered twice, or late) are skipped.
                var finished = await context.WaitForExternalEventAsync<BackupFinished>(ScheduleEvents.RunFinished, deadline - context.CurrentUtcDateTime);
                if (finished.RunId == runId) return finished.Outcome;
            }
        }
        catch (TaskCanceledException)
        {
            // A run that never reports back must not stop the schedule; the mover records its own failure.
            return null;
        }
    }

    private static async Task<ScheduleSignal?> WaitForSignalAsync(WorkflowContext context, TimeSpan wait)
    {
        try
        {
            return await context.WaitForExternalEventAsync<ScheduleSignal>(ScheduleEvents.Signal, wait);
        }
        catch (TaskCanceledException)
        {
            return null;
        }
    }
}

using Dapr.Workflow;
using Microsoft.Extensions.Options;
using Stowage.Contracts.Backups;
using Stowage.Scheduler.Policies;
using Stowage.Scheduler.Workflows;

namespace Stowage.Scheduler.Schedules;

/// <summary>
/// Makes a policy's schedule workflow match the scheduler's view of the policy: exactly one running schedule, with the
/// current spec, while the policy is active; none while it is paused or deleted. Idempotent, because pub/sub delivers at
/// least once and in any order, and the periodic pass calls it for every policy.
/// </summary>
public sealed partial class ScheduleCoordinator(DaprWorkflowClient workflows, IOptions<SchedulerOptions> options, ILogger<ScheduleCoordinator> logger)
{
    /// <summary>Returns what it changed ("schedule-started", "spec-updated", "schedule-stopped"), or null when the schedule already matched.</summary>
    public async Task<string?> ReconcileAsync(ScheduledPolicy policy, CancellationToken cancellationToken)
    {
        var instanceId = ScheduleEvents.InstanceId(policy.PolicyId);
        var state = await workflows.GetWorkflowStateAsync(instanceId, getInputsAndOutputs: true, cancellationToken);
        var live = state is { Exists: true } && IsLive(state.RuntimeStatus);
        if (!policy.WantsSchedule)
        {
            if (!live) return null;
            await workflows.TerminateWorkflowAsync(instanceId, $"policy is {policy.Status.ToString().ToLowerInvariant()} (version {policy.StatusVersion})", cancellationToken);
            LogStopped(policy.PolicyId, policy.StatusVersion);
            return "schedule-stopped";
        }

        if (live)
        {
            if (state!.ReadInputAs<ScheduleState>() is not { } running || running.PolicyVersion >= policy.SpecVersion) return null;
            // A schedule busy with a run reads the signal when the run ends.
            await workflows.RaiseEventAsync(instanceId, ScheduleEvents.Signal, new ScheduleSignal(ScheduleSignalKind.SpecChanged, policy.SpecVersion, policy.Spec), cancellationToken);
            return "spec-updated";
        }

        if (state is { Exists: true }) await workflows.PurgeInstanceAsync(instanceId, cancellationToken);
        var initial = new ScheduleState(policy.PolicyId, policy.SpecVersion, policy.Spec!, policy.LastRunUtc, FailureRetry: options.Value.FailedRunRetry);
        try
        {
            await workflows.ScheduleNewWorkflowAsync(nameof(PolicyScheduleWorkflow), instanceId, initial);
        }
        catch (Exception)
        {
            // An event handler and the periodic pass may start it at the same time; only one start is needed.
            if (await IsRunningAsync(instanceId, cancellationToken)) return null;
            throw;
        }
        LogStarted(policy.PolicyId, policy.SpecVersion);
        return "schedule-started";
    }

    /// <summary>
    /// Asks for a run now; false when the policy has no running schedule (paused, deleted or unknown). The run's
    /// request and finished event carry <paramref name="correlationId"/>.
    /// </summary>
    public async Task<bool> RunNowAsync(string policyId, CancellationToken cancellationToken, string? correlationId = null)
    {
        var instanceId = ScheduleEvents.InstanceId(policyId);
        if (!await IsRunningAsync(instanceId, cancellationToken)) return false;
        await workflows.RaiseEventAsync(instanceId, ScheduleEvents.Signal, new ScheduleSignal(ScheduleSignalKind.RunNow, long.MaxValue, CorrelationId: correlationId), cancellationToken);
        return true;
    }

    /// <summary>
    /// Lets the schedule waiting for this run move on. An interrupted run that the schedule is not waiting for (the schedule
    /// was rebuilt after its workflow was lost with the run's) makes the schedule run again at once.
    /// </summary>
    public async Task ReportRunFinishedAsync(BackupFinished finished, CancellationToken cancellationToken)
    {
        var instanceId = ScheduleEvents.InstanceId(finished.PolicyId);
        var state = await workflows.GetWorkflowStateAsync(instanceId, getInputsAndOutputs: true, cancellationToken);
        if (state is not { Exists: true } || !IsLive(state.RuntimeStatus)) return;
        var waitingFor = state.ReadCustomStatusAs<ScheduleStatus>()?.CurrentRunId;
        if (finished.Outcome == RunOutcome.Interrupted && waitingFor is null)
        {
            await workflows.RaiseEventAsync(instanceId, ScheduleEvents.Signal, new ScheduleSignal(ScheduleSignalKind.RunAgain, long.MaxValue), cancellationToken);
            return;
        }
        await workflows.RaiseEventAsync(instanceId, ScheduleEvents.RunFinished, finished, cancellationToken);
    }

    public async Task<WorkflowState?> GetAsync(string policyId, CancellationToken cancellationToken)
    {
        var state = await workflows.GetWorkflowStateAsync(ScheduleEvents.InstanceId(policyId), getInputsAndOutputs: true, cancellationToken);
        return state is { Exists: true } ? state : null;
    }

    /// <summary>
    /// Whether the schedule is alive. Anything not finished counts: between two loops an eternal workflow is briefly
    /// "continued as new", and taking that for finished would drop a signal or start a second schedule.
    /// </summary>
    private async Task<bool> IsRunningAsync(string instanceId, CancellationToken cancellationToken)
    {
        var state = await workflows.GetWorkflowStateAsync(instanceId, getInputsAndOutputs: false, cancellationToken);
        return state is { Exists: true } && IsLive(state.RuntimeStatus);
    }

    private static bool IsLive(WorkflowRuntimeStatus status) =>
        status is not (WorkflowRuntimeStatus.Completed or WorkflowRuntimeStatus.Failed or WorkflowRuntimeStatus.Terminated or WorkflowRuntimeStatus.Canceled);

    [LoggerMessage(Level = LogLevel.Information, Message = "Schedule of policy {PolicyId} started at version {Version}")]
    private partial void LogStarted(string policyId, long version);

    [LoggerMessage(Level = LogLevel.Information, Message = "Schedule of policy {PolicyId} stopped at version {Version}")]
    private partial void LogStopped(string policyId, long version);
}

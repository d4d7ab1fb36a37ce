using Dapr.Workflow;
using Stowage.Contracts.Policies;
using Stowage.Scheduler.Workflows;

namespace Stowage.Scheduler.Schedules;

/// <summary>
/// Keeps exactly one schedule workflow per active policy. Every method is idempotent, because pub/sub
/// delivers at least once and events may arrive out of order (the workflow ignores stale versions).
/// </summary>
public sealed partial class ScheduleCoordinator(DaprWorkflowClient workflows, ILogger<ScheduleCoordinator> logger)
{
    public async Task StartOrUpdateAsync(string policyId, long version, PolicySpec spec, CancellationToken cancellationToken)
    {
        var instanceId = ScheduleEvents.InstanceId(policyId);
        if (await IsRunningAsync(instanceId, cancellationToken))
        {
            await workflows.RaiseEventAsync(instanceId, ScheduleEvents.Signal, new ScheduleSignal(ScheduleSignalKind.SpecChanged, version, spec), cancellationToken);
            return;
        }
        await PurgeIfFinishedAsync(instanceId, cancellationToken);
        await workflows.ScheduleNewWorkflowAsync(nameof(PolicyScheduleWorkflow), instanceId, new ScheduleState(policyId, version, spec, null));
        LogStarted(policyId, version);
    }

    /// <summary>
    /// Ends the schedule at once (a run already started finishes on its own). Terminating needs no cooperation from
    /// the waiting workflow, so it cannot be lost between two loops; an event older than the schedule is ignored.
    /// </summary>
    public async Task StopAsync(string policyId, long version, CancellationToken cancellationToken)
    {
        var instanceId = ScheduleEvents.InstanceId(policyId);
        var state = await workflows.GetWorkflowStateAsync(instanceId, getInputsAndOutputs: true, cancellationToken);
        if (state is not { Exists: true } || !IsLive(state.RuntimeStatus)) return;
        if (state.ReadInputAs<ScheduleState>() is { } schedule && schedule.PolicyVersion > version) return;
        await workflows.TerminateWorkflowAsync(instanceId, $"policy version {version} stopped the schedule", cancellationToken);
        LogStopped(policyId, version);
    }

    /// <summary>Asks for a run now; false when the policy has no running schedule (paused, deleted or unknown).</summary>
    public async Task<bool> RunNowAsync(string policyId, CancellationToken cancellationToken)
    {
        var instanceId = ScheduleEvents.InstanceId(policyId);
        if (!await IsRunningAsync(instanceId, cancellationToken)) return false;
        await workflows.RaiseEventAsync(instanceId, ScheduleEvents.Signal, new ScheduleSignal(ScheduleSignalKind.RunNow, long.MaxValue), cancellationToken);
        return true;
    }

    public async Task ReportRunFinishedAsync(string policyId, object finished, CancellationToken cancellationToken)
    {
        var instanceId = ScheduleEvents.InstanceId(policyId);
        if (await IsRunningAsync(instanceId, cancellationToken))
        {
            await workflows.RaiseEventAsync(instanceId, ScheduleEvents.RunFinished, finished, cancellationToken);
        }
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

    private async Task PurgeIfFinishedAsync(string instanceId, CancellationToken cancellationToken)
    {
        var state = await workflows.GetWorkflowStateAsync(instanceId, getInputsAndOutputs: false, cancellationToken);
        if (state is { Exists: true }) await workflows.PurgeInstanceAsync(instanceId, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Schedule of policy {PolicyId} started at version {Version}")]
    private partial void LogStarted(string policyId, long version);

    [LoggerMessage(Level = LogLevel.Information, Message = "Schedule of policy {PolicyId} stopped at version {Version}")]
    private partial void LogStopped(string policyId, long version);
}

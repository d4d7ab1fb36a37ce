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

    public async Task StopAsync(string policyId, long version, CancellationToken cancellationToken)
    {
        var instanceId = ScheduleEvents.InstanceId(policyId);
        if (await IsRunningAsync(instanceId, cancellationToken))
        {
            await workflows.RaiseEventAsync(instanceId, ScheduleEvents.Signal, new ScheduleSignal(ScheduleSignalKind.Stop, version), cancellationToken);
            LogStopped(policyId, version);
        }
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

    private async Task<bool> IsRunningAsync(string instanceId, CancellationToken cancellationToken)
    {
        var state = await workflows.GetWorkflowStateAsync(instanceId, getInputsAndOutputs: false, cancellationToken);
        return state is { Exists: true } && state.RuntimeStatus is WorkflowRuntimeStatus.Running or WorkflowRuntimeStatus.Pending or WorkflowRuntimeStatus.Suspended;
    }

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

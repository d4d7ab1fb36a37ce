using DurableTask.Core;
using DurableTask.Core.Middleware;
using Core = DurableTask.Core.History;
using P = Dapr.DurableTask.Protobuf;

namespace Stowage.LocalSidecar.Workflows;

/// Replaces DurableTask.Core's in-process activity call with an ActivityRequest to the app's Dapr workflow worker.
internal sealed class ActivityTurnMiddleware(WorkItemHub hub, WorkflowActionLedger ledger, CancellationToken stopping)
{
    public async Task InvokeAsync(DispatchMiddlewareContext context, Func<Task> next)
    {
        var scheduled = context.GetProperty<Core.TaskScheduledEvent>();
        var instance = context.GetProperty<OrchestrationInstance>();
        var request = new P.ActivityRequest
        {
            Name = scheduled.Name,
            Version = scheduled.Version,
            Input = scheduled.Input,
            TaskId = scheduled.EventId,
            WorkflowInstance = new P.WorkflowInstance { InstanceId = instance.InstanceId, ExecutionId = instance.ExecutionId },
            TaskExecutionId = ledger.Find(instance.InstanceId, instance.ExecutionId, scheduled.EventId)?.ScheduleTask?.TaskExecutionId ?? string.Empty,
        };

        var response = await hub.RunActivityAsync(request, stopping);
        Core.HistoryEvent outcome = response.FailureDetails is { } failure
            ? new Core.TaskFailedEvent(-1, scheduled.EventId, failure.ErrorMessage, failure.StackTrace, FailureDetailsTranslator.ToCore(failure))
            : new Core.TaskCompletedEvent(-1, scheduled.EventId, response.Result);
        context.SetProperty(new ActivityExecutionResult { ResponseEvent = outcome });
    }
}

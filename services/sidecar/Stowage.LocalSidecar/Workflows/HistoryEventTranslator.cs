using Google.Protobuf.WellKnownTypes;
using Core = DurableTask.Core.History;
using P = Dapr.DurableTask.Protobuf;

namespace Stowage.LocalSidecar.Workflows;

/// DurableTask.Core history events as the Dapr SDK expects them; events the SDK has no use for become null.
internal sealed class HistoryEventTranslator(WorkflowActionLedger ledger)
{
    public P.HistoryEvent? ToProto(Core.HistoryEvent source, string instanceId, string executionId)
    {
        var target = new P.HistoryEvent
        {
            EventId = source.EventId,
            Timestamp = Timestamp.FromDateTime(DateTime.SpecifyKind(source.Timestamp, DateTimeKind.Utc)),
        };
        var action = ledger.Find(instanceId, executionId, source.EventId);
        switch (source)
        {
            case Core.OrchestratorStartedEvent:
                target.WorkflowStarted = new P.WorkflowStartedEvent();
                break;
            case Core.OrchestratorCompletedEvent:
                target.WorkflowCompleted = new P.WorkflowCompletedEvent();
                break;
            case Core.ExecutionStartedEvent started:
                target.ExecutionStarted = ExecutionStartedTranslator.ToProto(started);
                break;
            case Core.ContinueAsNewEvent continued:
                target.ContinueAsNew = new P.ContinueAsNewEvent { Input = continued.Result };
                break;
            case Core.ExecutionCompletedEvent completed:
                target.ExecutionCompleted = new P.ExecutionCompletedEvent
                {
                    WorkflowStatus = (P.OrchestrationStatus)completed.OrchestrationStatus,
                    Result = completed.Result,
                    FailureDetails = FailureDetailsTranslator.ToProto(completed.FailureDetails),
                };
                break;
            case Core.ExecutionTerminatedEvent terminated:
                target.ExecutionTerminated = new P.ExecutionTerminatedEvent { Input = terminated.Input };
                break;
            case Core.TaskScheduledEvent scheduled:
                target.TaskScheduled = new P.TaskScheduledEvent
                {
                    Name = scheduled.Name, Version = scheduled.Version, Input = scheduled.Input,
                    TaskExecutionId = action?.ScheduleTask?.TaskExecutionId ?? string.Empty,
                };
                break;
            case Core.TaskCompletedEvent taskCompleted:
                target.TaskCompleted = new P.TaskCompletedEvent
                {
                    TaskScheduledId = taskCompleted.TaskScheduledId, Result = taskCompleted.Result,
                    TaskExecutionId = ExecutionIdOf(instanceId, executionId, taskCompleted.TaskScheduledId),
                };
                break;
            case Core.TaskFailedEvent taskFailed:
                target.TaskFailed = new P.TaskFailedEvent
                {
                    TaskScheduledId = taskFailed.TaskScheduledId,
                    FailureDetails = FailureDetailsTranslator.ToProto(taskFailed.FailureDetails, taskFailed.Reason, taskFailed.Details),
                    TaskExecutionId = ExecutionIdOf(instanceId, executionId, taskFailed.TaskScheduledId),
                };
                break;
            case Core.SubOrchestrationInstanceCreatedEvent childCreated:
                target.ChildWorkflowInstanceCreated = new P.ChildWorkflowInstanceCreatedEvent
                {
                    InstanceId = childCreated.InstanceId, Name = childCreated.Name, Version = childCreated.Version, Input = childCreated.Input,
                };
                break;
            case Core.SubOrchestrationInstanceCompletedEvent childCompleted:
                target.ChildWorkflowInstanceCompleted = new P.ChildWorkflowInstanceCompletedEvent
                {
                    TaskScheduledId = childCompleted.TaskScheduledId, Result = childCompleted.Result,
                };
                break;
            case Core.SubOrchestrationInstanceFailedEvent childFailed:
                target.ChildWorkflowInstanceFailed = new P.ChildWorkflowInstanceFailedEvent
                {
                    TaskScheduledId = childFailed.TaskScheduledId,
                    FailureDetails = FailureDetailsTranslator.ToProto(childFailed.FailureDetails, childFailed.Reason, childFailed.Details),
                };
                break;
            case Core.TimerCreatedEvent timerCreated:
                target.TimerCreated = TimerCreatedTranslator.ToProto(timerCreated, action?.CreateTimer);
                break;
            case Core.TimerFiredEvent timerFired:
                target.TimerFired = new P.TimerFiredEvent
                {
                    TimerId = timerFired.TimerId,
                    FireAt = Timestamp.FromDateTime(DateTime.SpecifyKind(timerFired.FireAt, DateTimeKind.Utc)),
                };
                break;
            case Core.EventSentEvent sent:
                target.EventSent = new P.EventSentEvent { InstanceId = sent.InstanceId, Name = sent.Name, Input = sent.Input };
                break;
            case Core.EventRaisedEvent raised:
                target.EventRaised = new P.EventRaisedEvent { Name = raised.Name, Input = raised.Input };
                break;
            case Core.ExecutionSuspendedEvent suspended:
                target.ExecutionSuspended = new P.ExecutionSuspendedEvent { Input = suspended.Reason };
                break;
            case Core.ExecutionResumedEvent resumed:
                target.ExecutionResumed = new P.ExecutionResumedEvent { Input = resumed.Reason };
                break;
            default:
                return null;
        }

        return target;
    }

    private string ExecutionIdOf(string instanceId, string executionId, int taskScheduledId) =>
        ledger.Find(instanceId, executionId, taskScheduledId)?.ScheduleTask?.TaskExecutionId ?? string.Empty;
}

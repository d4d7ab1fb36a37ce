using DurableTask.Core;
using DurableTask.Core.Command;
using Core = DurableTask.Core.History;
using P = Dapr.DurableTask.Protobuf;

namespace Stowage.LocalSidecar.Workflows;

/// The SDK's workflow actions as DurableTask.Core orchestrator actions, which Core's dispatcher then turns into history and messages.
internal static class WorkflowActionTranslator
{
    public static OrchestratorAction? ToCore(P.WorkflowAction action) => action.WorkflowActionTypeCase switch
    {
        P.WorkflowAction.WorkflowActionTypeOneofCase.ScheduleTask => new ScheduleTaskOrchestratorAction
        {
            Id = action.Id, Name = action.ScheduleTask.Name, Version = action.ScheduleTask.Version, Input = action.ScheduleTask.Input,
        },
        P.WorkflowAction.WorkflowActionTypeOneofCase.CreateTimer => new CreateTimerOrchestratorAction
        {
            Id = action.Id, FireAt = action.CreateTimer.FireAt.ToDateTime(),
        },
        P.WorkflowAction.WorkflowActionTypeOneofCase.CreateChildWorkflow => new CreateSubOrchestrationAction
        {
            Id = action.Id,
            InstanceId = action.CreateChildWorkflow.InstanceId,
            Name = action.CreateChildWorkflow.Name,
            Version = action.CreateChildWorkflow.Version,
            Input = action.CreateChildWorkflow.Input,
        },
        P.WorkflowAction.WorkflowActionTypeOneofCase.SendEvent => new SendEventOrchestratorAction
        {
            Id = action.Id,
            Instance = new OrchestrationInstance { InstanceId = action.SendEvent.Instance.InstanceId },
            EventName = action.SendEvent.Name,
            EventData = action.SendEvent.Data,
        },
        P.WorkflowAction.WorkflowActionTypeOneofCase.CompleteWorkflow => Complete(action.Id, action.CompleteWorkflow),
        _ => null,
    };

    private static OrchestrationCompleteOrchestratorAction Complete(int id, P.CompleteWorkflowAction complete)
    {
        var target = new OrchestrationCompleteOrchestratorAction
        {
            Id = id,
            OrchestrationStatus = complete.WorkflowStatus == P.OrchestrationStatus.Stalled
                ? OrchestrationStatus.Failed
                : (OrchestrationStatus)complete.WorkflowStatus,
            Result = complete.Result,
            Details = complete.Details,
            NewVersion = complete.NewVersion,
            FailureDetails = FailureDetailsTranslator.ToCore(complete.FailureDetails),
        };
        foreach (var carried in complete.CarryoverEvents.Where(e => e.EventRaised is not null))
        {
            target.CarryoverEvents.Add(new Core.EventRaisedEvent(-1, carried.EventRaised.Input) { Name = carried.EventRaised.Name });
        }

        return target;
    }
}

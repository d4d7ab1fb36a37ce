using DurableTask.Core;
using DurableTask.Core.Command;
using DurableTask.Core.Middleware;
using Core = DurableTask.Core.History;
using P = Dapr.DurableTask.Protobuf;

namespace Stowage.LocalSidecar.Workflows;

/// Replaces DurableTask.Core's in-process orchestrator call with a turn of the app's Dapr workflow worker:
/// history goes out as Dapr's WorkflowRequest, actions come back and Core applies them.
internal sealed class OrchestrationTurnMiddleware(
    WorkItemHub hub, HistoryEventTranslator translator, WorkflowActionLedger ledger, WorkflowHistoryLog historyLog, CancellationToken stopping)
{
    public async Task InvokeAsync(DispatchMiddlewareContext context, Func<Task> next)
    {
        var runtimeState = context.GetProperty<OrchestrationRuntimeState>();
        var instance = runtimeState.OrchestrationInstance!;
        historyLog.Track(instance.InstanceId, runtimeState);
        context.SetProperty(await DecideAsync(runtimeState, instance));
    }

    private async Task<OrchestratorExecutionResult> DecideAsync(OrchestrationRuntimeState runtimeState, OrchestrationInstance instance)
    {
        // Termination and suspension are the runtime's business in Dapr (the SDK only acknowledges them).
        if (runtimeState.NewEvents.OfType<Core.ExecutionTerminatedEvent>().FirstOrDefault() is { } terminated)
        {
            OrchestratorAction terminate = new OrchestrationCompleteOrchestratorAction
            {
                Id = runtimeState.PastEvents.Count, OrchestrationStatus = OrchestrationStatus.Terminated, Result = terminated.Input,
            };
            return new OrchestratorExecutionResult { Actions = [terminate] };
        }

        if (runtimeState.OrchestrationStatus == OrchestrationStatus.Suspended)
        {
            return new OrchestratorExecutionResult { Actions = [] };
        }

        var request = new P.WorkflowRequest { InstanceId = instance.InstanceId, ExecutionId = instance.ExecutionId };
        request.PastEvents.AddRange(Translate(runtimeState.PastEvents, instance));
        request.NewEvents.AddRange(Translate(runtimeState.NewEvents, instance));
        var response = await hub.RunWorkflowAsync(request, stopping);

        var actions = new List<OrchestratorAction>();
        foreach (var action in response.Actions)
        {
            ledger.Record(instance.InstanceId, instance.ExecutionId, action);
            if (WorkflowActionTranslator.ToCore(action) is { } translated)
            {
                actions.Add(translated);
            }
        }

        return new OrchestratorExecutionResult { Actions = actions, CustomStatus = response.CustomStatus };
    }

    private IEnumerable<P.HistoryEvent> Translate(IEnumerable<Core.HistoryEvent> events, OrchestrationInstance instance) =>
        events
            .Select(e => translator.ToProto(e, instance.InstanceId, instance.ExecutionId))
            .OfType<P.HistoryEvent>();
}

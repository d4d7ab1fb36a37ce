using System.Collections.Concurrent;
using P = Dapr.DurableTask.Protobuf;

namespace Stowage.LocalSidecar.Workflows;

/// Remembers the Dapr-only parts of each action (timer origins, task execution ids) that DurableTask.Core's history
/// events have no field for, so replayed history looks to the SDK exactly as it sent it. Only the current execution of
/// an instance is kept: ContinueAsNew starts a fresh history.
internal sealed class WorkflowActionLedger
{
    private readonly ConcurrentDictionary<string, Execution> _executions = new();

    public void Record(string instanceId, string executionId, P.WorkflowAction action)
    {
        var execution = _executions.AddOrUpdate(
            instanceId,
            _ => new Execution(executionId),
            (_, current) => current.ExecutionId == executionId ? current : new Execution(executionId));
        execution.Actions[action.Id] = action;
    }

    public P.WorkflowAction? Find(string instanceId, string executionId, int actionId) =>
        _executions.TryGetValue(instanceId, out var execution) && execution.ExecutionId == executionId
            ? execution.Actions.GetValueOrDefault(actionId)
            : null;

    public void Forget(string instanceId) => _executions.TryRemove(instanceId, out _);

    private sealed record Execution(string ExecutionId)
    {
        public ConcurrentDictionary<int, P.WorkflowAction> Actions { get; } = new();
    }
}

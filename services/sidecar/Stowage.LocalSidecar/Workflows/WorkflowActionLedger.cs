using System.Collections.Concurrent;
using P = Dapr.DurableTask.Protobuf;

namespace Stowage.LocalSidecar.Workflows;

/// Remembers the Dapr-only parts of each action (timer origins, task execution ids) that DurableTask.Core's history
/// events have no field for, so replayed history looks to the SDK exactly as it sent it.
internal sealed class WorkflowActionLedger
{
    private readonly ConcurrentDictionary<(string InstanceId, string ExecutionId, int ActionId), P.WorkflowAction> _actions = new();

    public void Record(string instanceId, string executionId, P.WorkflowAction action) =>
        _actions[(instanceId, executionId, action.Id)] = action;

    public P.WorkflowAction? Find(string instanceId, string executionId, int actionId) =>
        _actions.GetValueOrDefault((instanceId, executionId, actionId));

    public void Forget(string instanceId)
    {
        foreach (var key in _actions.Keys.Where(k => k.InstanceId == instanceId))
        {
            _actions.TryRemove(key, out _);
        }
    }
}

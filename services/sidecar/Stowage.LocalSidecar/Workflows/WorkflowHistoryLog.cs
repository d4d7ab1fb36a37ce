using System.Collections.Concurrent;
using DurableTask.Core;
using Core = DurableTask.Core.History;

namespace Stowage.LocalSidecar.Workflows;

/// The latest runtime state of each instance, kept because the in-memory orchestration service cannot return history.
internal sealed class WorkflowHistoryLog
{
    private readonly ConcurrentDictionary<string, OrchestrationRuntimeState> _states = new();

    public void Track(string instanceId, OrchestrationRuntimeState state) => _states[instanceId] = state;

    public void Forget(string instanceId) => _states.TryRemove(instanceId, out _);

    public (string ExecutionId, IReadOnlyList<Core.HistoryEvent> Events)? Find(string instanceId)
    {
        if (!_states.TryGetValue(instanceId, out var state))
        {
            return null;
        }

        // The dispatcher may still be appending to this state; retry the copy until it is stable.
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return (state.OrchestrationInstance?.ExecutionId ?? string.Empty, state.Events.ToList());
            }
            catch (InvalidOperationException) when (attempt < 10)
            {
                Thread.Yield();
            }
        }
    }
}

using DurableTask.Core;
using Grpc.Core;
using Core = DurableTask.Core.History;
using P = Dapr.DurableTask.Protobuf;

namespace Stowage.LocalSidecar.Workflows;

/// Client-side operations on instances, sent to DurableTask.Core as the messages its own TaskHubClient would send.
internal sealed class WorkflowInstanceCommands(WorkflowEngine engine)
{
    private static readonly OrchestrationStatus[] ActiveStatuses =
        [OrchestrationStatus.Running, OrchestrationStatus.Pending, OrchestrationStatus.Suspended];

    public async Task<string> StartAsync(P.CreateInstanceRequest request)
    {
        var instanceId = string.IsNullOrEmpty(request.InstanceId) ? Guid.NewGuid().ToString("N") : request.InstanceId;
        var instance = new OrchestrationInstance { InstanceId = instanceId, ExecutionId = Guid.NewGuid().ToString("N") };
        var started = new Core.ExecutionStartedEvent(-1, request.Input)
        {
            Name = request.Name,
            Version = request.Version,
            OrchestrationInstance = instance,
            ScheduledStartTime = request.ScheduledStartTimestamp?.ToDateTime(),
            Tags = request.Tags.ToDictionary(t => t.Key, t => t.Value),
        };
        var existing = await engine.Service.GetOrchestrationStateAsync(instanceId, executionId: null);
        if (existing is not null && ActiveStatuses.Contains(existing.OrchestrationStatus))
        {
            throw new RpcException(new Status(StatusCode.AlreadyExists, $"an active workflow with ID '{instanceId}' already exists"));
        }

        engine.Ledger.Forget(instanceId);
        await engine.Service.CreateTaskOrchestrationAsync(new TaskMessage { Event = started, OrchestrationInstance = instance });
        return instanceId;
    }

    public Task RaiseAsync(string instanceId, string name, string? input) =>
        SendAsync(instanceId, new Core.EventRaisedEvent(-1, input) { Name = name });

    public async Task TerminateAsync(string instanceId, string? output, bool recursive)
    {
        await SendAsync(instanceId, new Core.ExecutionTerminatedEvent(-1, output));
        if (recursive)
        {
            foreach (var child in await ChildrenOfAsync(instanceId))
            {
                if (ActiveStatuses.Contains(child.OrchestrationStatus))
                {
                    await TerminateAsync(child.OrchestrationInstance.InstanceId, output, recursive);
                }
            }
        }
    }

    public Task SuspendAsync(string instanceId, string? reason) => SendAsync(instanceId, new Core.ExecutionSuspendedEvent(-1, reason));

    public Task ResumeAsync(string instanceId, string? reason) => SendAsync(instanceId, new Core.ExecutionResumedEvent(-1, reason));

    public async Task<int> PurgeAsync(string instanceId, bool recursive)
    {
        var children = recursive ? await ChildrenOfAsync(instanceId) : [];
        var deleted = (await engine.Service.PurgeInstanceStateAsync(instanceId)).DeletedInstanceCount;
        if (deleted > 0)
        {
            engine.Ledger.Forget(instanceId);
            engine.HistoryLog.Forget(instanceId);
        }

        foreach (var child in children)
        {
            deleted += await PurgeAsync(child.OrchestrationInstance.InstanceId, recursive);
        }

        return deleted;
    }

    private async Task SendAsync(string instanceId, Core.HistoryEvent historyEvent)
    {
        _ = await engine.Service.GetOrchestrationStateAsync(instanceId, executionId: null)
            ?? throw new RpcException(new Status(StatusCode.NotFound, $"no such instance exists: {instanceId}"));
        // No execution id: a message addressed to the execution read above is discarded by DurableTask.Core when the
        // workflow continues as new in between; without one it reaches whichever execution is current.
        await engine.Service.SendTaskOrchestrationMessageAsync(new TaskMessage
        {
            Event = historyEvent,
            OrchestrationInstance = new OrchestrationInstance { InstanceId = instanceId },
        });
    }

    private async Task<IReadOnlyList<OrchestrationState>> ChildrenOfAsync(string instanceId)
    {
        var result = await engine.Service.GetOrchestrationWithQueryAsync(new global::DurableTask.Core.Query.OrchestrationQuery { PageSize = int.MaxValue }, CancellationToken.None);
        return result.OrchestrationState
            .Where(s => s.ParentInstance?.OrchestrationInstance?.InstanceId == instanceId)
            .ToList();
    }
}

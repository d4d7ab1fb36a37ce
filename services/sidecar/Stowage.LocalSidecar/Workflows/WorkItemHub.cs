using System.Collections.Concurrent;
using System.Threading.Channels;
using Dapr.DurableTask.Protobuf;
using DurableTask.Core.Exceptions;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.Extensions.Logging;

namespace Stowage.LocalSidecar.Workflows;

/// Hands the engine's orchestration and activity turns to the app's GetWorkItems stream and waits for its answers.
/// When the stream drops (the app stopped), its unanswered items fail with SessionAbortedException, which makes
/// DurableTask.Core abandon them so they run again once the app reconnects.
internal sealed class WorkItemHub(string appId, ILogger<WorkItemHub> logger)
{
    private readonly Channel<PendingWorkItem> _queue = Channel.CreateUnbounded<PendingWorkItem>();
    private readonly ConcurrentDictionary<string, PendingWorkItem> _inFlight = new();

    public async Task<WorkflowResponse> RunWorkflowAsync(WorkflowRequest request, CancellationToken cancellationToken) =>
        (WorkflowResponse)await RunAsync(new WorkItem { WorkflowRequest = request }, cancellationToken);

    public async Task<ActivityResponse> RunActivityAsync(ActivityRequest request, CancellationToken cancellationToken) =>
        (ActivityResponse)await RunAsync(new WorkItem { ActivityRequest = request }, cancellationToken);

    public bool Complete(string completionToken, IMessage response) =>
        _inFlight.TryRemove(completionToken, out var item) && item.Completion.TrySetResult(response);

    public async Task ServeAsync(IServerStreamWriter<WorkItem> stream, CancellationToken cancellationToken)
    {
        var streamId = Guid.NewGuid();
        logger.WorkflowWorkerConnected(appId);
        try
        {
            await foreach (var item in _queue.Reader.ReadAllAsync(cancellationToken))
            {
                if (item.Completion.Task.IsCompleted)
                {
                    continue;
                }

                item.StreamId = streamId;
                _inFlight[item.CompletionToken] = item;
                await stream.WriteAsync(item.WorkItem, cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            // The app disconnected or the sidecar is stopping.
        }
        finally
        {
            var orphans = _inFlight.Values.Where(i => i.StreamId == streamId).ToList();
            foreach (var orphan in orphans)
            {
                _inFlight.TryRemove(orphan.CompletionToken, out _);
                orphan.Completion.TrySetException(new SessionAbortedException($"The worker of app {appId} disconnected."));
            }

            logger.WorkflowWorkerDisconnected(appId, orphans.Count);
        }
    }

    private async Task<IMessage> RunAsync(WorkItem workItem, CancellationToken cancellationToken)
    {
        workItem.CompletionToken = Guid.NewGuid().ToString("N");
        var item = new PendingWorkItem(workItem);
        await using var registration = cancellationToken.Register(() =>
            item.Completion.TrySetException(new SessionAbortedException("The sidecar is stopping.")));
        await _queue.Writer.WriteAsync(item, cancellationToken);
        return await item.Completion.Task;
    }
}

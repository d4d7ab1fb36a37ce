using Dapr.DurableTask.Protobuf;
using Google.Protobuf;

namespace Stowage.LocalSidecar.Workflows;

/// A work item offered to the app's worker stream, completed by the matching Complete*Task call.
internal sealed class PendingWorkItem(WorkItem workItem)
{
    public WorkItem WorkItem { get; } = workItem;

    public string CompletionToken => WorkItem.CompletionToken;

    public TaskCompletionSource<IMessage> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Guid? StreamId { get; set; }
}

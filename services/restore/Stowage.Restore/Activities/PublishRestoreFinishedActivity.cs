using Dapr.Workflow;
using Stowage.Common.Messaging;
using Stowage.Contracts.Restores;

namespace Stowage.Restore.Activities;

internal sealed class PublishRestoreFinishedActivity(IEventPublisher publisher) : WorkflowActivity<RestoreFinished, bool>
{
    public override async Task<bool> RunAsync(WorkflowActivityContext context, RestoreFinished finished)
    {
        await publisher.PublishAsync(RestoreTopics.Finished, finished, CancellationToken.None);
        return true;
    }
}

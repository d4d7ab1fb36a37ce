using Stowage.Common.Workflows;
using Dapr.Workflow;
using Stowage.Common.Messaging;
using Stowage.Contracts.Restores;

namespace Stowage.Restore.Activities;

internal sealed class PublishRestoreFinishedActivity(IEventPublisher publisher) : TracedActivity<RestoreFinished, bool>
{
    protected override async Task<bool> ExecuteAsync(WorkflowActivityContext context, RestoreFinished finished)
    {
        await publisher.PublishAsync(RestoreTopics.Finished, finished, CancellationToken.None);
        return true;
    }
}

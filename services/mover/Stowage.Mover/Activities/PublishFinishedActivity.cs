using Stowage.Common.Workflows;
using Dapr.Workflow;
using Stowage.Common.Messaging;
using Stowage.Contracts.Backups;

namespace Stowage.Mover.Activities;

internal sealed class PublishFinishedActivity(IEventPublisher publisher) : TracedActivity<BackupFinished, bool>
{
    protected override async Task<bool> ExecuteAsync(WorkflowActivityContext context, BackupFinished finished)
    {
        await publisher.PublishAsync(BackupTopics.Finished, finished, CancellationToken.None);
        return true;
    }
}

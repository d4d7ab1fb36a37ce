using Dapr.Workflow;
using Stowage.Common.Messaging;
using Stowage.Contracts.Backups;

namespace Stowage.Mover.Activities;

internal sealed class PublishFinishedActivity(IEventPublisher publisher) : WorkflowActivity<BackupFinished, bool>
{
    public override async Task<bool> RunAsync(WorkflowActivityContext context, BackupFinished finished)
    {
        await publisher.PublishAsync(BackupTopics.Finished, finished, CancellationToken.None);
        return true;
    }
}

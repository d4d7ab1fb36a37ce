using Stowage.Common.Messaging;
using Stowage.Common.Workflows;
using Stowage.Contracts.Backups;

namespace Stowage.Mover.Activities;

internal sealed class PublishFinishedActivity(IEventPublisher publisher) : PublishEventActivity<BackupFinished>(publisher, BackupTopics.Finished);

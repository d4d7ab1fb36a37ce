using Stowage.Common.Messaging;
using Stowage.Common.Workflows;
using Stowage.Contracts.Restores;

namespace Stowage.Restore.Activities;

internal sealed class PublishRestoreFinishedActivity(IEventPublisher publisher) : PublishEventActivity<RestoreFinished>(publisher, RestoreTopics.Finished);

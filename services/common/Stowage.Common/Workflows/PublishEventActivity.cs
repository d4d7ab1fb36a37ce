using Dapr.Workflow;
using Stowage.Common.Messaging;
using Stowage.Contracts;

namespace Stowage.Common.Workflows;

/// <summary>
/// Publishes a workflow's result event. Publishing is an activity because workflow code must not do I/O; a retry
/// publishes the same event id again, which consumers drop.
/// </summary>
public abstract class PublishEventActivity<TEvent>(IEventPublisher publisher, string topic) : TracedActivity<TEvent, bool>
    where TEvent : IIntegrationEvent
{
    protected override async Task<bool> ExecuteAsync(WorkflowActivityContext context, TEvent @event)
    {
        await publisher.PublishAsync(topic, @event, CancellationToken.None);
        return true;
    }
}

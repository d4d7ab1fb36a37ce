using Dapr.Client;
using Stowage.Contracts;

namespace Stowage.Common.Messaging;

public sealed class DaprEventPublisher(DaprClient dapr) : IEventPublisher
{
    public Task PublishAsync<TEvent>(string topic, TEvent @event, CancellationToken cancellationToken) where TEvent : IIntegrationEvent =>
        dapr.PublishEventAsync(DaprComponents.PubSub, topic, @event,
            new Dictionary<string, string> { ["cloudevent.id"] = @event.EventId.ToString() }, cancellationToken);
}

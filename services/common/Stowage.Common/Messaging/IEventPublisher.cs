using Stowage.Contracts;

namespace Stowage.Common.Messaging;

/// <summary>Publishes an integration event on a topic; the event id becomes the CloudEvent id so consumers can dedupe.</summary>
public interface IEventPublisher
{
    Task PublishAsync<TEvent>(string topic, TEvent @event, CancellationToken cancellationToken) where TEvent : IIntegrationEvent;
}

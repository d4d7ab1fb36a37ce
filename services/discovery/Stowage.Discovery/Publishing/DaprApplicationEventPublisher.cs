using Dapr.Client;
using Stowage.Contracts;
using Stowage.Contracts.Discovery;

namespace Stowage.Discovery.Publishing;

/// <summary>Publishes to the Stowage pub/sub component through the Dapr sidecar.</summary>
internal sealed class DaprApplicationEventPublisher(DaprClient dapr) : IApplicationEventPublisher
{
    public Task PublishAsync(ApplicationDiscovered discovered, CancellationToken cancellationToken) =>
        dapr.PublishEventAsync(DaprComponents.PubSub, DiscoveryTopics.ApplicationDiscovered, discovered, cancellationToken);

    public Task PublishAsync(ApplicationChanged changed, CancellationToken cancellationToken) =>
        dapr.PublishEventAsync(DaprComponents.PubSub, DiscoveryTopics.ApplicationChanged, changed, cancellationToken);

    public Task PublishAsync(ApplicationRemoved removed, CancellationToken cancellationToken) =>
        dapr.PublishEventAsync(DaprComponents.PubSub, DiscoveryTopics.ApplicationRemoved, removed, cancellationToken);
}

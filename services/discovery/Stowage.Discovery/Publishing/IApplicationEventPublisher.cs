using Stowage.Contracts.Discovery;

namespace Stowage.Discovery.Publishing;

/// <summary>Announces application changes to the rest of Stowage.</summary>
internal interface IApplicationEventPublisher
{
    Task PublishAsync(ApplicationDiscovered discovered, CancellationToken cancellationToken);

    Task PublishAsync(ApplicationChanged changed, CancellationToken cancellationToken);

    Task PublishAsync(ApplicationRemoved removed, CancellationToken cancellationToken);
}

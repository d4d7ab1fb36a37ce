using Microsoft.Extensions.Logging;
using Stowage.Contracts.Discovery;
using Stowage.Discovery.Domain.Changes;
using Stowage.Discovery.Observability;
using Stowage.Discovery.Publishing;

namespace Stowage.Discovery.Runtime;

/// <summary>Publishes one change as its integration event, then records it as announced; never the other way round.</summary>
internal sealed class ApplicationAnnouncer(
    ApplicationRegistry registry, IApplicationEventPublisher publisher, DiscoveryTelemetry telemetry, TimeProvider time, ILogger<ApplicationAnnouncer> logger)
{
    public async Task<bool> AnnounceAsync(ApplicationChange change, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var name = change.GetType().Name;
        try
        {
            switch (change)
            {
                case ApplicationAppeared appeared:
                    await publisher.PublishAsync(new ApplicationDiscovered(Guid.NewGuid(), now, appeared.Application), cancellationToken);
                    registry.Set(appeared.Application);
                    break;
                case ApplicationUpdated updated:
                    await publisher.PublishAsync(
                        new ApplicationChanged(Guid.NewGuid(), now, updated.Application, updated.Previous.ContentHash, updated.Aspects), cancellationToken);
                    registry.Set(updated.Application);
                    break;
                case ApplicationDisappeared disappeared:
                    await publisher.PublishAsync(new ApplicationRemoved(Guid.NewGuid(), now, disappeared.Application), cancellationToken);
                    registry.Remove(disappeared.Id);
                    break;
            }
            telemetry.EventsPublished.Add(1, new KeyValuePair<string, object?>("type", name));
            logger.ApplicationAnnounced(change.Id, name, change.Application.Kind.Name, change.Application.ContentHash);
            return true;
        }
        catch (Exception error) when (!cancellationToken.IsCancellationRequested)
        {
            logger.PublishFailed(error, name, change.Id);
            return false;
        }
    }
}

using Dapr.Client;
using Stowage.Common.EventSourcing;
using Stowage.Contracts.Policies;

namespace Stowage.Policy.Projections;

/// <summary>
/// On start, publishes the events a crash left between commit and publish. Appends publish their own events,
/// so this only repairs; it gives up quietly when no sidecar answers (the service is then not ready anyway).
/// </summary>
internal sealed partial class PendingEventPublisher(DaprClient dapr, IEventStore<PolicyEvent> store, ILogger<PendingEventPublisher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            timeout.CancelAfter(TimeSpan.FromMinutes(2));
            await dapr.WaitForSidecarAsync(timeout.Token);
            foreach (var id in await store.ListStreamIdsAsync(stoppingToken))
            {
                await PublishPendingAsync(id, stoppingToken);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or Dapr.DaprException or HttpRequestException)
        {
            LogSkipped(ex.Message);
        }
    }

    private async Task PublishPendingAsync(string streamId, CancellationToken stoppingToken)
    {
        try
        {
            await store.PublishPendingAsync(streamId, stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // One damaged stream must not keep the others' events unpublished, nor stop the service.
            LogStreamFailed(streamId, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Pending events of policy stream {StreamId} could not be published")]
    private partial void LogStreamFailed(string streamId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing events left pending by a crash was skipped: {Reason}")]
    private partial void LogSkipped(string reason);
}

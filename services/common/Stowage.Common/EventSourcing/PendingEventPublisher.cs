using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Stowage.Contracts;

namespace Stowage.Common.EventSourcing;

/// <summary>
/// Publishes the events that appends committed but could not publish: the streams an append handed over, and at start and
/// every <see cref="EventStoreOptions.SweepInterval"/> every stream in the catalog. After a failed round it waits with
/// doubling back-off up to a cap, and tries again for as long as the service runs.
/// </summary>
internal sealed partial class PendingEventPublisher<TEvent>(
    IEventStore<TEvent> store, PendingStreams<TEvent> pending, EventStoreOptions options, TimeProvider clock,
    ILogger<PendingEventPublisher<TEvent>> logger) : BackgroundService
    where TEvent : class, IIntegrationEvent
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var sweepDue = clock.GetUtcNow();
        var failedRounds = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            var sweeping = clock.GetUtcNow() >= sweepDue;
            var catalog = sweeping ? await TryListStreamsAsync(stoppingToken) : [];
            if (catalog is not null && sweeping) sweepDue = clock.GetUtcNow() + options.SweepInterval;
            var published = await PublishAsync(pending.TakeAll().Union(catalog ?? []), stoppingToken);

            if (published && catalog is not null)
            {
                failedRounds = 0;
                await pending.WaitAsync(sweepDue - clock.GetUtcNow(), clock, stoppingToken);
                continue;
            }
            var delay = options.RetryDelayAfter(++failedRounds);
            LogRoundFailed(options.Category, failedRounds, delay);
            await Task.Delay(delay, clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>Every stream id of the category, or null when the catalog cannot be read now.</summary>
    private async Task<IReadOnlyList<string>?> TryListStreamsAsync(CancellationToken stoppingToken)
    {
        try
        {
            return await store.ListStreamIdsAsync(stoppingToken);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            LogCatalogUnreadable(options.Category, ex.Message);
            return null;
        }
    }

    /// <summary>Whether every stream's pending events were published.</summary>
    private async Task<bool> PublishAsync(IEnumerable<string> streams, CancellationToken stoppingToken)
    {
        var published = true;
        foreach (var streamId in streams)
        {
            try
            {
                await store.PublishPendingAsync(streamId, stoppingToken);
            }
            catch (Exception) when (!stoppingToken.IsCancellationRequested)
            {
                // Logged and counted by the stream publisher, which also keeps the stream pending for the next round.
                published = false;
            }
        }
        return published;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing pending {Category} events failed {FailedRounds} time(s) in a row; trying again in {Delay}")]
    private partial void LogRoundFailed(string category, int failedRounds, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The {Category} stream catalog could not be read to look for unpublished events: {Reason}")]
    private partial void LogCatalogUnreadable(string category, string reason);
}

using System.Collections.Concurrent;
using Dapr.Client;
using Microsoft.Extensions.Logging;
using Stowage.Common.Messaging;
using Stowage.Common.State;
using Stowage.Contracts;

namespace Stowage.Common.EventSourcing;

/// <summary>
/// Hands a stream's unpublished events to pub/sub in order, then moves its publish cursor forward. One stream is published
/// by one caller at a time in this process, so an append racing the background publisher does not publish twice; replicas
/// of a service may still both publish an event (at least once; consumers dedupe by event id).
/// </summary>
internal sealed partial class StreamPublisher<TEvent>(
    DaprClient dapr, EventStoreOptions options, IEventPublisher publisher, PendingStreams<TEvent> pending, EventStoreMetrics metrics, ILogger<StreamPublisher<TEvent>> logger)
    where TEvent : class, IIntegrationEvent
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> turns = new();
    private readonly StreamDocuments<TEvent> documents = new(dapr, options);

    /// <summary>
    /// Publishes what <paramref name="streamId"/> holds beyond its cursor. When pub/sub or the store fails, or the caller
    /// gives up, it throws and leaves the stream to the background publisher's next round.
    /// </summary>
    public async Task PublishPendingAsync(string streamId, CancellationToken cancellationToken)
    {
        try
        {
            await PublishInTurnAsync(streamId, cancellationToken);
        }
        catch (Exception ex)
        {
            pending.Add(streamId);
            if (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                metrics.PublishFailed(options.Category);
                LogPublishFailed(options.Category, streamId, ex.Message);
            }
            throw;
        }
    }

    private async Task PublishInTurnAsync(string streamId, CancellationToken cancellationToken)
    {
        var turn = turns.GetOrAdd(streamId, _ => new SemaphoreSlim(1, 1));
        await turn.WaitAsync(cancellationToken);
        try
        {
            var (head, _) = await documents.ReadHeadAsync(streamId, cancellationToken);
            var published = await documents.ReadPublishedAsync(streamId, head, cancellationToken);
            metrics.Unpublished(options.Category, streamId, head.Version - published);
            if (published >= head.Version) return;

            foreach (var @event in await documents.ReadEventsAsync(streamId, published + 1, head.Version, cancellationToken))
            {
                await publisher.PublishAsync(options.TopicOf(@event), @event, cancellationToken);
            }
            await AdvanceCursorAsync(streamId, head.Version, cancellationToken);
            metrics.Unpublished(options.Category, streamId, 0);
        }
        finally
        {
            turn.Release();
        }
    }

    private Task AdvanceCursorAsync(string streamId, long version, CancellationToken cancellationToken) =>
        dapr.ChangeAsync<PublishCursor>(options.StateStore, documents.Keys.Published(streamId),
            cursor => cursor?.Version >= version ? null : new PublishCursor(version),
            $"publish cursor of stream '{streamId}'", cancellationToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing events of {Category} stream {StreamId} failed: {Reason}")]
    private partial void LogPublishFailed(string category, string streamId, string reason);
}

using System.Diagnostics;
using Dapr;
using Dapr.Client;
using Microsoft.Extensions.Logging;
using Stowage.Common.State;
using Stowage.Contracts;

namespace Stowage.Common.EventSourcing;

/// <summary>
/// Event streams in the Dapr state store. An append is one state transaction (events, head, projections)
/// guarded by the head's ETag; publishing follows the commit and the head remembers how far it got, so a crash
/// between the two is repaired by <see cref="PublishPendingAsync"/> (at least once; consumers dedupe by event id).
/// </summary>
public sealed partial class DaprEventStore<TEvent>(
    DaprClient dapr, EventStoreOptions options, ILogger<DaprEventStore<TEvent>> logger) : IEventStore<TEvent>
    where TEvent : class, IIntegrationEvent
{
    private static readonly ActivitySource Source = new("Stowage.EventStore");
    private readonly StreamKeys keys = new(options.Category);
    private readonly KeyCatalog catalog = new(dapr, options.StateStore, new StreamKeys(options.Category).Catalog);

    public async Task<EventStream<TEvent>> ReadAsync(string streamId, CancellationToken cancellationToken)
    {
        var (head, _) = await dapr.GetStateAndETagAsync<StreamHead>(options.StateStore, keys.Head(streamId), cancellationToken: cancellationToken);
        if (head is null) return new EventStream<TEvent>(streamId, 0, []);
        var events = await ReadRangeAsync(streamId, 1, head.Version, cancellationToken);
        return new EventStream<TEvent>(streamId, head.Version, events);
    }

    public async Task AppendAsync(string streamId, long expectedVersion, IReadOnlyList<TEvent> events, IReadOnlyList<StateWrite> projections, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("event-store append");
        activity?.SetTag("stowage.stream", streamId);
        var (head, etag) = await dapr.GetStateAndETagAsync<StreamHead>(options.StateStore, keys.Head(streamId), cancellationToken: cancellationToken);
        var current = head ?? new StreamHead(0, 0);
        if (current.Version != expectedVersion) throw new StreamVersionConflictException(streamId, expectedVersion, current.Version);
        if (current.Version == 0) await catalog.AddAsync(streamId, cancellationToken);

        var operations = new List<StateTransactionRequest>();
        for (var i = 0; i < events.Count; i++)
        {
            operations.Add(new StateTransactionRequest(keys.Event(streamId, current.Version + i + 1), EventJson.Serialize<TEvent>(events[i]), StateOperationType.Upsert));
        }
        operations.AddRange(projections.Select(Operation));
        var next = current with { Version = current.Version + events.Count };
        operations.Add(new StateTransactionRequest(keys.Head(streamId), EventJson.Serialize(next), StateOperationType.Upsert,
            string.IsNullOrEmpty(etag) ? null : etag, options: FirstWrite));

        try
        {
            await dapr.ExecuteStateTransactionAsync(options.StateStore, operations, cancellationToken: cancellationToken);
        }
        catch (DaprException ex)
        {
            var (after, _) = await dapr.GetStateAndETagAsync<StreamHead>(options.StateStore, keys.Head(streamId), cancellationToken: cancellationToken);
            if (after is not null && after.Version != expectedVersion)
            {
                throw new StreamVersionConflictException(streamId, expectedVersion, after.Version);
            }
            LogAppendFailed(streamId, ex.Message);
            var unique = projections.Where(p => p.Kind == StateWriteKind.CreateOnly).Select(p => p.Key).ToList();
            if (unique.Count > 0) throw new StateKeyTakenException(streamId, unique);
            throw;
        }
        await PublishAsync(streamId, next, etag: null, cancellationToken);
    }

    public Task<IReadOnlyList<string>> ListStreamIdsAsync(CancellationToken cancellationToken) => catalog.ListAsync(cancellationToken);

    public async Task PublishPendingAsync(string streamId, CancellationToken cancellationToken)
    {
        var (head, etag) = await dapr.GetStateAndETagAsync<StreamHead>(options.StateStore, keys.Head(streamId), cancellationToken: cancellationToken);
        if (head is not null && head.PublishedVersion < head.Version) await PublishAsync(streamId, head, etag, cancellationToken);
    }

    private async Task PublishAsync(string streamId, StreamHead head, string? etag, CancellationToken cancellationToken)
    {
        var pending = await ReadRangeAsync(streamId, head.PublishedVersion + 1, head.Version, cancellationToken);
        foreach (var @event in pending)
        {
            var metadata = new Dictionary<string, string> { ["cloudevent.id"] = @event.EventId.ToString() };
            await dapr.PublishEventAsync(options.PubSub, options.TopicOf(@event), @event, metadata, cancellationToken);
        }

        // Another append may have moved the head meanwhile; it will publish (again) from where the head says.
        var published = head with { PublishedVersion = head.Version };
        if (etag is null) (_, etag) = await dapr.GetStateAndETagAsync<StreamHead>(options.StateStore, keys.Head(streamId), cancellationToken: cancellationToken);
        await dapr.TrySaveStateAsync(options.StateStore, keys.Head(streamId), published, etag ?? "", FirstWrite, cancellationToken: cancellationToken);
    }

    private async Task<IReadOnlyList<TEvent>> ReadRangeAsync(string streamId, long from, long to, CancellationToken cancellationToken)
    {
        if (to < from) return [];
        var eventKeys = Enumerable.Range(0, (int)(to - from + 1)).Select(i => keys.Event(streamId, from + i)).ToList();
        var items = await dapr.GetBulkStateAsync(options.StateStore, eventKeys, parallelism: 8, cancellationToken: cancellationToken);
        var byKey = items.ToDictionary(item => item.Key, item => item.Value);
        return eventKeys.Select(key => EventJson.Deserialize<TEvent>(byKey[key])).ToList();
    }

    private static StateTransactionRequest Operation(StateWrite write) => write.Kind switch
    {
        StateWriteKind.Delete => new(write.Key, null, StateOperationType.Delete),
        StateWriteKind.CreateOnly => new(write.Key, EventJson.Serialize(write.Value!), StateOperationType.Upsert, options: FirstWrite),
        _ => new(write.Key, EventJson.Serialize(write.Value!), StateOperationType.Upsert),
    };

    private static readonly StateOptions FirstWrite = new() { Concurrency = ConcurrencyMode.FirstWrite, Consistency = ConsistencyMode.Strong };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Append to stream {StreamId} failed: {Reason}")]
    private partial void LogAppendFailed(string streamId, string reason);
}

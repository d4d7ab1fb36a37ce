using System.Diagnostics;
using Dapr;
using Dapr.Client;
using Microsoft.Extensions.Logging;
using Stowage.Common.State;
using Stowage.Contracts;

namespace Stowage.Common.EventSourcing;

/// <summary>
/// Event streams in the Dapr state store. An append is one state transaction: each event under its own create-only key,
/// the projections, and the head guarded by its ETag. After the commit the stream's pending events are published; what
/// fails to publish then is left to the background publisher (at least once; consumers dedupe by event id).
/// See docs/event-store.md.
/// </summary>
internal sealed partial class DaprEventStore<TEvent>(
    DaprClient dapr, EventStoreOptions options, StreamPublisher<TEvent> publisher, PendingStreams<TEvent> pending, ILogger<DaprEventStore<TEvent>> logger) : IEventStore<TEvent>
    where TEvent : class, IIntegrationEvent
{
    private static readonly ActivitySource Source = new(EventStoreMetrics.Name);
    private static readonly StateOptions FirstWrite = new() { Concurrency = ConcurrencyMode.FirstWrite, Consistency = ConsistencyMode.Strong };
    private readonly StreamDocuments<TEvent> documents = new(dapr, options);
    private readonly KeyCatalog catalog = new(dapr, options.StateStore, new StreamKeys(options.Category).Catalog);

    private StreamKeys Keys => documents.Keys;

    public async Task<EventStream<TEvent>> ReadAsync(string streamId, CancellationToken cancellationToken)
    {
        var (head, _) = await documents.ReadHeadAsync(streamId, cancellationToken);
        var events = await documents.ReadEventsAsync(streamId, 1, head.Version, cancellationToken);
        return new EventStream<TEvent>(streamId, head.Version, events);
    }

    public async Task AppendAsync(string streamId, long expectedVersion, IReadOnlyList<TEvent> events, IReadOnlyList<StateWrite> projections, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("event-store append");
        activity?.SetTag("stowage.stream", streamId);
        var (head, etag) = await documents.ReadHeadAsync(streamId, cancellationToken);
        if (head.Version != expectedVersion) throw new StreamVersionConflictException(streamId, expectedVersion, head.Version);
        if (head.Version == 0) await catalog.AddAsync(streamId, cancellationToken);

        var operations = new List<StateTransactionRequest>();
        for (var i = 0; i < events.Count; i++)
        {
            // Create-only: even a head that is wrong can never make an append overwrite an event.
            operations.Add(new StateTransactionRequest(Keys.Event(streamId, head.Version + i + 1), EventJson.Serialize<TEvent>(events[i]),
                StateOperationType.Upsert, options: FirstWrite));
        }
        operations.AddRange(projections.Select(Operation));
        operations.Add(new StateTransactionRequest(Keys.Head(streamId), EventJson.Serialize(head with { Version = head.Version + events.Count }),
            StateOperationType.Upsert, etag, options: FirstWrite));

        try
        {
            await dapr.ExecuteStateTransactionAsync(options.StateStore, operations, cancellationToken: cancellationToken);
        }
        catch (DaprException ex)
        {
            await ExplainFailedAppendAsync(streamId, head, projections, cancellationToken);
            LogAppendFailed(streamId, ex.Message);
            throw;
        }
        await PublishCommittedAsync(streamId, cancellationToken);
    }

    public Task<IReadOnlyList<string>> ListStreamIdsAsync(CancellationToken cancellationToken) => catalog.ListAsync(cancellationToken);

    public Task PublishPendingAsync(string streamId, CancellationToken cancellationToken) => publisher.PublishPendingAsync(streamId, cancellationToken);

    /// <summary>Throws the exception that says why a transaction was refused, when re-reading what it guarded shows it.</summary>
    private async Task ExplainFailedAppendAsync(string streamId, StreamHead head, IReadOnlyList<StateWrite> projections, CancellationToken cancellationToken)
    {
        var (after, etag) = await documents.ReadHeadAsync(streamId, cancellationToken);
        if (after.Version != head.Version) throw new StreamVersionConflictException(streamId, head.Version, after.Version);

        // A head written backwards (as publishing once did) hides committed events; count them back in, and let the caller decide again.
        var hidden = await documents.CountEventsAfterAsync(streamId, after.Version, cancellationToken);
        if (hidden > 0)
        {
            var repaired = after with { Version = after.Version + hidden };
            await dapr.TrySaveStateAsync(options.StateStore, Keys.Head(streamId), repaired, etag ?? "", FirstWrite, cancellationToken: cancellationToken);
            LogHeadRepaired(streamId, after.Version, repaired.Version);
            throw new StreamVersionConflictException(streamId, head.Version, repaired.Version);
        }

        var createOnly = projections.Where(p => p.Kind == StateWriteKind.CreateOnly).Select(p => p.Key).ToList();
        var taken = await documents.ExistingAsync(createOnly, cancellationToken);
        if (taken.Count > 0) throw new StateKeyTakenException(streamId, taken);
    }

    /// <summary>The append has committed whatever happens here: a failed publish is retried in the background.</summary>
    private async Task PublishCommittedAsync(string streamId, CancellationToken cancellationToken)
    {
        try
        {
            await publisher.PublishPendingAsync(streamId, cancellationToken);
        }
        catch (Exception)
        {
            pending.Wake();
            LogPublishDeferred(streamId);
        }
    }

    private static StateTransactionRequest Operation(StateWrite write) => write.Kind switch
    {
        StateWriteKind.Delete => new(write.Key, null, StateOperationType.Delete),
        StateWriteKind.CreateOnly => new(write.Key, EventJson.Serialize(write.Value!), StateOperationType.Upsert, options: FirstWrite),
        _ => new(write.Key, EventJson.Serialize(write.Value!), StateOperationType.Upsert),
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Append to stream {StreamId} failed: {Reason}")]
    private partial void LogAppendFailed(string streamId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Stream {StreamId} had committed events beyond its head; the head moved from {From} to {To}")]
    private partial void LogHeadRepaired(string streamId, long from, long to);

    [LoggerMessage(Level = LogLevel.Information, Message = "Events appended to stream {StreamId} are left to the background publisher")]
    private partial void LogPublishDeferred(string streamId);
}

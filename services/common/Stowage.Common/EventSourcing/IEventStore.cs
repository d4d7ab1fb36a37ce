using Stowage.Contracts;

namespace Stowage.Common.EventSourcing;

/// <summary>
/// Append-only streams of events, one per aggregate, with optimistic concurrency by version.
/// Appended events are published to pub/sub at least once with their event id as CloudEvent id.
/// </summary>
public interface IEventStore<TEvent> where TEvent : class, IIntegrationEvent
{
    /// <summary>The stream's events in order; an unknown stream is empty with version 0.</summary>
    Task<EventStream<TEvent>> ReadAsync(string streamId, CancellationToken cancellationToken);

    /// <summary>
    /// Appends <paramref name="events"/> if the stream is still at <paramref name="expectedVersion"/>, writing
    /// <paramref name="projections"/> in the same transaction. Throws <see cref="StreamVersionConflictException"/> otherwise.
    /// </summary>
    Task AppendAsync(string streamId, long expectedVersion, IReadOnlyList<TEvent> events, IReadOnlyList<StateWrite> projections, CancellationToken cancellationToken);

    /// <summary>Every stream id ever appended to, for rebuilding projections.</summary>
    Task<IReadOnlyList<string>> ListStreamIdsAsync(CancellationToken cancellationToken);

    /// <summary>Publishes the events of <paramref name="streamId"/> that a crash left unpublished.</summary>
    Task PublishPendingAsync(string streamId, CancellationToken cancellationToken);
}

public sealed record EventStream<TEvent>(string StreamId, long Version, IReadOnlyList<TEvent> Events);

/// <summary>A read-model document written in the same transaction as the events it reflects.</summary>
public sealed record StateWrite(string Key, object Value);

public sealed class StreamVersionConflictException(string streamId, long expected, long actual)
    : Exception($"Stream '{streamId}' is at version {actual}, not {expected}; reload and try again.")
{
    public string StreamId { get; } = streamId;
    public long ExpectedVersion { get; } = expected;
    public long ActualVersion { get; } = actual;
}

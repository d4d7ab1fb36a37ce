using Stowage.Contracts;

namespace Stowage.Common.EventSourcing;

/// <summary>
/// Append-only streams of events, one per aggregate, with optimistic concurrency by version.
/// Appended events are published to pub/sub at least once, in stream order, with their event id as CloudEvent id
/// (see docs/event-store.md).
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

    /// <summary>
    /// Publishes the events of <paramref name="streamId"/> not yet published (an append does it after its commit, the
    /// background publisher after failures and crashes). Throws when pub/sub or the state store fails.
    /// </summary>
    Task PublishPendingAsync(string streamId, CancellationToken cancellationToken);
}

public sealed record EventStream<TEvent>(string StreamId, long Version, IReadOnlyList<TEvent> Events);

/// <summary>
/// A document written in the same transaction as the events it reflects. <see cref="StateWriteKind.CreateOnly"/> fails the
/// whole append (with <see cref="StateKeyTakenException"/>) when the key exists: a unique key across streams.
/// </summary>
public sealed record StateWrite(string Key, object? Value, StateWriteKind Kind = StateWriteKind.Upsert)
{
    public static StateWrite CreateOnly(string key, object value) => new(key, value, StateWriteKind.CreateOnly);

    public static StateWrite Delete(string key) => new(key, null, StateWriteKind.Delete);
}

public enum StateWriteKind
{
    Upsert,
    CreateOnly,
    Delete,
}

/// <summary>An append wrote nothing because a <see cref="StateWriteKind.CreateOnly"/> key already existed.</summary>
public sealed class StateKeyTakenException(string streamId, IReadOnlyList<string> keys)
    : Exception($"Stream '{streamId}' was not appended to: one of the keys {string.Join(", ", keys)} is already taken.")
{
    public IReadOnlyList<string> Keys { get; } = keys;
}

public sealed class StreamVersionConflictException(string streamId, long expected, long actual)
    : Exception($"Stream '{streamId}' is at version {actual}, not {expected}; reload and try again.")
{
    public string StreamId { get; } = streamId;
    public long ExpectedVersion { get; } = expected;
    public long ActualVersion { get; } = actual;
}

using Dapr.Client;
using Stowage.Common.State;
using Stowage.Contracts;

namespace Stowage.Common.EventSourcing;

/// <summary>Reads of the documents one category of streams keeps: heads, publish cursors and events.</summary>
internal sealed class StreamDocuments<TEvent>(DaprClient dapr, EventStoreOptions options) where TEvent : class, IIntegrationEvent
{
    public StreamKeys Keys { get; } = new(options.Category);

    public async Task<(StreamHead Head, string? ETag)> ReadHeadAsync(string streamId, CancellationToken cancellationToken)
    {
        var (head, etag) = await dapr.GetStateAndETagAsync<StreamHead>(options.StateStore, Keys.Head(streamId), cancellationToken: cancellationToken);
        return (head ?? new StreamHead(0), string.IsNullOrEmpty(etag) ? null : etag);
    }

    /// <summary>How far publishing got; a stream without a cursor yet starts where its head said (heads kept it before).</summary>
    public async Task<long> ReadPublishedAsync(string streamId, StreamHead head, CancellationToken cancellationToken)
    {
        var cursor = await dapr.GetStateAsync<PublishCursor>(options.StateStore, Keys.Published(streamId), cancellationToken: cancellationToken);
        return cursor?.Version ?? head.PublishedVersion;
    }

    public async Task<IReadOnlyList<TEvent>> ReadEventsAsync(string streamId, long from, long to, CancellationToken cancellationToken)
    {
        if (to < from) return [];
        var eventKeys = Enumerable.Range(0, (int)(to - from + 1)).Select(i => Keys.Event(streamId, from + i)).ToList();
        var byKey = (await dapr.ReadExistingAsync(options.StateStore, eventKeys, cancellationToken)).ToDictionary(item => item.Key, item => item.Value);
        return eventKeys.Select(key => byKey.TryGetValue(key, out var json)
            ? EventJson.Deserialize<TEvent>(json)
            : throw new InvalidOperationException($"Stream '{streamId}' has no event at key '{key}' although its head counts it.")).ToList();
    }

    /// <summary>How many events follow <paramref name="version"/> without a gap: none unless a head was written backwards.</summary>
    public async Task<long> CountEventsAfterAsync(string streamId, long version, CancellationToken cancellationToken)
    {
        const int Batch = 16;
        var count = 0L;
        while (true)
        {
            var batchKeys = Enumerable.Range(1, Batch).Select(i => Keys.Event(streamId, version + count + i)).ToList();
            var existing = (await ExistingAsync(batchKeys, cancellationToken)).ToHashSet();
            var run = batchKeys.TakeWhile(existing.Contains).Count();
            count += run;
            if (run < Batch) return count;
        }
    }

    /// <summary>Which of <paramref name="keys"/> hold a document.</summary>
    public async Task<IReadOnlyList<string>> ExistingAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken) =>
        (await dapr.ReadExistingAsync(options.StateStore, keys, cancellationToken)).Select(item => item.Key).ToList();
}

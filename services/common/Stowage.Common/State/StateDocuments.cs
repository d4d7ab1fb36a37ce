using Dapr.Client;
using Stowage.Common.EventSourcing;

namespace Stowage.Common.State;

/// <summary>Reading and changing whole JSON documents in a Dapr state store, the two ways every read model does it.</summary>
public static class StateDocuments
{
    private const int ChangeAttempts = 50;
    private static readonly StateOptions FirstWrite = new() { Concurrency = ConcurrencyMode.FirstWrite };

    /// <summary>
    /// Reads the document at <paramref name="key"/>, applies <paramref name="change"/> and writes the result guarded by the
    /// document's ETag, again from a fresh read whenever another writer got there first. A change that returns null or an equal
    /// document writes nothing. Returns the document as it now stands.
    /// </summary>
    public static async Task<T?> ChangeAsync<T>(this DaprClient dapr, string stateStore, string key, Func<T?, T?> change, string what,
        CancellationToken cancellationToken) where T : class
    {
        for (var attempt = 0; attempt < ChangeAttempts; attempt++)
        {
            var (current, etag) = await dapr.GetStateAndETagAsync<T?>(stateStore, key, cancellationToken: cancellationToken);
            var next = change(current);
            if (next is null || next.Equals(current)) return current;
            if (await dapr.TrySaveStateAsync(stateStore, key, next, etag ?? "", FirstWrite, cancellationToken: cancellationToken)) return next;
        }
        throw new InvalidOperationException($"Could not change {what} after {ChangeAttempts} attempts.");
    }

    /// <summary>The documents at <paramref name="keys"/> that exist, in the order of the keys.</summary>
    public static async Task<IReadOnlyList<T>> ReadManyAsync<T>(this DaprClient dapr, string stateStore, IReadOnlyList<string> keys,
        CancellationToken cancellationToken) =>
        (await dapr.ReadExistingAsync(stateStore, keys, cancellationToken)).Select(i => EventJson.Deserialize<T>(i.Value)).ToList();

    /// <summary>The raw JSON of the documents at <paramref name="keys"/> that exist, by one bulk read; keys that hold nothing are left out.</summary>
    public static async Task<IReadOnlyList<BulkStateItem>> ReadExistingAsync(this DaprClient dapr, string stateStore, IReadOnlyList<string> keys,
        CancellationToken cancellationToken)
    {
        if (keys.Count == 0) return [];
        var items = await dapr.GetBulkStateAsync(stateStore, keys, parallelism: 8, cancellationToken: cancellationToken);
        return items.Where(i => !string.IsNullOrEmpty(i.Value)).ToList();
    }
}

using System.Collections.Concurrent;

namespace Stowage.LocalSidecar.Tests.PubSub;

/// What one test app's topic handlers saw, by handler name.
internal sealed class ReceivedEvents
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> _byHandler = new();

    public void Add(string handler, string payload) => _byHandler.GetOrAdd(handler, _ => new()).Enqueue(payload);

    public IReadOnlyList<string> Of(string handler) => _byHandler.TryGetValue(handler, out var queue) ? [.. queue] : [];
}

using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Stowage.Common.EventSourcing;

/// <summary>The streams of one category this process knows hold unpublished events, and the bell that wakes the background publisher.</summary>
internal sealed class PendingStreams<TEvent>
{
    private readonly ConcurrentDictionary<string, byte> streams = new();
    private readonly Channel<bool> bell = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Add(string streamId) => streams.TryAdd(streamId, 0);

    public void Wake() => bell.Writer.TryWrite(true);

    public IReadOnlyList<string> TakeAll()
    {
        var taken = new List<string>();
        foreach (var streamId in streams.Keys)
        {
            if (streams.TryRemove(streamId, out _)) taken.Add(streamId);
        }
        return taken;
    }

    /// <summary>Returns when woken, or when <paramref name="timeout"/> has passed.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (timeout <= TimeSpan.Zero) return;
        using var elapsed = new CancellationTokenSource(timeout, clock);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(elapsed.Token, cancellationToken);
        try
        {
            await bell.Reader.WaitToReadAsync(either.Token);
            bell.Reader.TryRead(out _);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
        }
    }
}

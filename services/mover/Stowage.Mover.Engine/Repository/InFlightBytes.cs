namespace Stowage.Mover.Engine.Repository;

/// <summary>
/// Bounds the bytes that concurrent work holds at once: each piece of work waits until its bytes fit under the
/// limit (one piece larger than the limit runs alone), in the order they asked. Reads may run many at a time for
/// an object store's latency while their buffers stay bounded.
/// </summary>
internal sealed class InFlightBytes(long limit)
{
    private readonly Lock _lock = new();
    private readonly Queue<(long Bytes, TaskCompletionSource Granted)> _waiting = new();
    private long _held;

    /// <summary>Bytes granted and not yet released.</summary>
    public long Held
    {
        get { lock (_lock) return _held; }
    }

    /// <summary>Waits until bytes fit; the caller must <see cref="Release"/> them once it no longer holds them.</summary>
    public async Task WaitAsync(long bytes, CancellationToken cancellationToken)
    {
        TaskCompletionSource granted;
        lock (_lock)
        {
            if (_waiting.Count == 0 && Fits(bytes))
            {
                _held += bytes;
                return;
            }
            granted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting.Enqueue((bytes, granted));
        }
        // A cancelled waiter is skipped when its turn comes (TrySetResult fails), so it is never granted bytes.
        await using (cancellationToken.Register(() => granted.TrySetCanceled(cancellationToken)))
        {
            await granted.Task;
        }
    }

    public void Release(long bytes)
    {
        lock (_lock)
        {
            _held -= bytes;
            while (_waiting.TryPeek(out var next) && Fits(next.Bytes))
            {
                _waiting.Dequeue();
                if (next.Granted.TrySetResult()) _held += next.Bytes;
            }
        }
    }

    private bool Fits(long bytes) => _held == 0 || _held + bytes <= limit;
}

using System.Threading.Channels;
using Stowage.Mover.Engine.Repository;
using Stowage.Mover.Engine.Storage;

namespace Stowage.Mover.Engine.Tests.Support;

/// <summary>
/// Fails lock writes on demand and holds pack uploads at a gate, so a test controls a backup that runs for as
/// long as it likes while its lock cannot be refreshed. Every lock write and removal is reported, in order.
/// </summary>
internal sealed class LockFaultBackend(IRepositoryBackend inner) : DelegatingBackend(inner)
{
    public const string FailureMessage = "Simulated fault: the store refused the lock write.";

    private readonly TaskCompletionSource _packHeld = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _packsReleased = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Channel<string> _lockEvents = Channel.CreateUnbounded<string>();

    public volatile bool FailLockWrites;

    /// <summary>Completes when a pack upload is waiting at the gate.</summary>
    public Task PackHeld => _packHeld.Task.WaitAsync(TimeSpan.FromSeconds(60));

    public void ReleasePacks() => _packsReleased.TrySetResult();

    /// <summary>The next of "write", "write failed" and "delete" done to a lock object.</summary>
    public async Task<string> NextLockEventAsync() =>
        await _lockEvents.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(60));

    /// <summary>Waits for the next lock event, which must be the one expected.</summary>
    public async Task ExpectLockEventAsync(string expected) => Assert.Equal(expected, await NextLockEventAsync());

    public override async Task WriteAsync(string key, ReadOnlyMemory<byte> data, bool mustNotExist, CancellationToken cancellationToken)
    {
        await BeforeWriteAsync(key, cancellationToken);
        await base.WriteAsync(key, data, mustNotExist, cancellationToken);
        AfterWrite(key);
    }

    public override async Task WriteAsync(string key, Stream content, bool mustNotExist, CancellationToken cancellationToken)
    {
        await BeforeWriteAsync(key, cancellationToken);
        await base.WriteAsync(key, content, mustNotExist, cancellationToken);
        AfterWrite(key);
    }

    public override async Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        await base.DeleteAsync(key, cancellationToken);
        if (key.StartsWith(RepositoryLayout.LocksPrefix, StringComparison.Ordinal)) _lockEvents.Writer.TryWrite("delete");
    }

    private async Task BeforeWriteAsync(string key, CancellationToken cancellationToken)
    {
        if (key.StartsWith(RepositoryLayout.DataPrefix, StringComparison.Ordinal))
        {
            _packHeld.TrySetResult();
            await _packsReleased.Task.WaitAsync(cancellationToken);
        }
        if (key.StartsWith(RepositoryLayout.LocksPrefix, StringComparison.Ordinal) && FailLockWrites)
        {
            _lockEvents.Writer.TryWrite("write failed");
            throw new IOException(FailureMessage);
        }
    }

    private void AfterWrite(string key)
    {
        if (key.StartsWith(RepositoryLayout.LocksPrefix, StringComparison.Ordinal)) _lockEvents.Writer.TryWrite("write");
    }
}

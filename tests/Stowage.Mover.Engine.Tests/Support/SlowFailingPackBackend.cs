using Stowage.Mover.Engine.Repository;
using Stowage.Mover.Engine.Storage;

namespace Stowage.Mover.Engine.Tests.Support;

/// <summary>
/// Two pack uploads at once, then a failure: the first pack write waits until a second one has started and fails;
/// the second answers only late, some time after it was cancelled, as a slow store does. Counts writes still running.
/// </summary>
internal sealed class SlowFailingPackBackend(IRepositoryBackend inner, TimeSpan lateBy) : DelegatingBackend(inner)
{
    private readonly TaskCompletionSource _secondStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _packWrites;
    private int _running;

    /// <summary>Pack writes that have started and not yet returned.</summary>
    public int WritesRunning => Volatile.Read(ref _running);

    public override async Task WriteAsync(string key, Stream content, bool mustNotExist, CancellationToken cancellationToken)
    {
        if (!key.StartsWith(RepositoryLayout.DataPrefix, StringComparison.Ordinal))
        {
            await base.WriteAsync(key, content, mustNotExist, cancellationToken);
            return;
        }
        Interlocked.Increment(ref _running);
        try
        {
            if (Interlocked.Increment(ref _packWrites) == 1)
            {
                await _secondStarted.Task;
                throw new IOException("Simulated failure of the first pack upload.");
            }
            _secondStarted.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
            await Task.Delay(lateBy, CancellationToken.None);
            throw new OperationCanceledException(cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _running);
        }
    }
}

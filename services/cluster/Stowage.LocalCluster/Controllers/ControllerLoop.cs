using Stowage.LocalCluster.Storage;

namespace Stowage.LocalCluster.Controllers;

/// <summary>
/// Runs every controller, one after another on one thread, whenever anything in the store changed and at least every
/// 200 ms (for deadlines). Level-triggered, like real controllers: each pass reads the current state, so a missed
/// change is never lost.
/// </summary>
internal sealed class ControllerLoop : IAsyncDisposable
{
    private readonly IReadOnlyList<IReconciler> reconcilers;
    private readonly TimeProvider clock;
    private readonly SemaphoreSlim changed = new(0, 1);
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;

    public ControllerLoop(ObjectStore store, IReadOnlyList<IReconciler> reconcilers, TimeProvider clock)
    {
        this.reconcilers = reconcilers;
        this.clock = clock;
        store.Changed += _ => Signal();
        loop = Task.Run(RunAsync);
    }

    /// <summary>The latest unexpected failure of a controller, if any.</summary>
    public Exception? LastFailure { get; private set; }

    public void Signal()
    {
        try
        {
            changed.Release();
        }
        catch (SemaphoreFullException)
        {
            // A pass is already due.
        }
    }

    private async Task RunAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await changed.WaitAsync(TimeSpan.FromMilliseconds(200), stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            foreach (var reconciler in reconcilers)
            {
                try
                {
                    reconciler.Reconcile(clock.GetUtcNow());
                }
                catch (ApiException)
                {
                    // Lost a race with a client (deleted or changed meanwhile): the next pass sees the new state.
                }
                catch (Exception error) when (error is not OperationCanceledException)
                {
                    // A controller must not stop the others; the failure stays visible to tests and logs.
                    LastFailure = error;
                    Console.Error.WriteLine($"stand-in cluster: {reconciler.GetType().Name} failed: {error}");
                }
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await loop;
        stop.Dispose();
    }
}

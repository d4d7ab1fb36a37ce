namespace Stowage.Mover.Engine.Backup;

/// <summary>
/// The first error of any pipeline stage. It cancels every other stage, so no stage waits forever on a
/// queue whose consumer died, and the caller sees the real cause rather than the cancellations it caused.
/// </summary>
internal sealed class PipelineFailure : IDisposable
{
    private readonly CancellationTokenSource _cancellation;
    private Exception? _first;

    public PipelineFailure(CancellationToken outer) => _cancellation = CancellationTokenSource.CreateLinkedTokenSource(outer);

    public CancellationToken Token => _cancellation.Token;

    public Task Run(Func<Task> stage) => Task.Run(async () =>
    {
        try
        {
            await stage();
        }
        catch (Exception e)
        {
            Fail(e);
            throw;
        }
    });

    public void Fail(Exception error)
    {
        if (error is not OperationCanceledException) Interlocked.CompareExchange(ref _first, error, null);
        _cancellation.Cancel();
    }

    /// <summary>Throws the first real error, if any stage failed.</summary>
    public void ThrowIfFailed()
    {
        if (_first is { } error) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(error);
    }

    /// <summary>Waits until every stage has ended, however it ended (their errors went to Fail already).</summary>
    public static async Task WhenEndedAsync(IEnumerable<Task> stages)
    {
        try
        {
            await Task.WhenAll(stages);
        }
        catch (Exception)
        {
            // Only that they ended matters here.
        }
    }

    public void Dispose() => _cancellation.Dispose();
}

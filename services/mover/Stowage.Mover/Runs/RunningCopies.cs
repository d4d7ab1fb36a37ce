using System.Collections.Concurrent;

namespace Stowage.Mover.Runs;

/// <summary>The copies running in this process, by run, so a copy whose run no longer exists can be stopped.</summary>
public sealed class RunningCopies
{
    private readonly ConcurrentDictionary<string, CancellationTokenSource> copies = new();

    public IReadOnlyCollection<string> RunIds => copies.Keys.ToList();

    /// <summary>Registers a copy of <paramref name="runId"/>; disposing the result ends the registration.</summary>
    public Registration Start(string runId)
    {
        var stop = copies.GetOrAdd(runId, _ => new CancellationTokenSource());
        return new Registration(this, runId, stop);
    }

    public bool Stop(string runId)
    {
        if (!copies.TryRemove(runId, out var stop)) return false;
        stop.Cancel();
        return true;
    }

    public sealed class Registration(RunningCopies owner, string runId, CancellationTokenSource stop) : IDisposable
    {
        public CancellationToken Token => stop.Token;

        public void Dispose() => owner.copies.TryRemove(new KeyValuePair<string, CancellationTokenSource>(runId, stop));
    }
}

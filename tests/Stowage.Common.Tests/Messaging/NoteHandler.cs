using System.Collections.Concurrent;
using Stowage.Common.Tests.EventSourcing;

namespace Stowage.Common.Tests.Messaging;

/// <summary>A subscriber's handler that counts its runs, and can be held inside a run or made to fail its next run.</summary>
public sealed class NoteHandler
{
    private readonly ConcurrentQueue<Guid> succeeded = new();
    private TaskCompletionSource? nextHold;
    private TaskCompletionSource? holding;
    private int failNext;
    private int runs;

    public int Runs => Volatile.Read(ref runs);

    public IReadOnlyList<Guid> Succeeded => [.. succeeded];

    /// <summary>Holds the next run until <see cref="Release"/>; the returned task completes when a run is held.</summary>
    public Task HoldNextRun()
    {
        holding = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        nextHold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return nextHold.Task;
    }

    public void Release() => holding?.TrySetResult();

    public void FailNextRun() => Interlocked.Exchange(ref failNext, 1);

    public async Task HandleAsync(NoteAdded note)
    {
        Interlocked.Increment(ref runs);
        if (Interlocked.Exchange(ref nextHold, null) is { } reached)
        {
            reached.TrySetResult();
            await holding!.Task;
        }
        if (Interlocked.Exchange(ref failNext, 0) == 1) throw new InvalidOperationException($"Handling {note.EventId} failed (test).");
        succeeded.Enqueue(note.EventId);
    }
}

using Stowage.Mover.Engine.Repository;

namespace Stowage.Mover.Engine.Tests.Repository;

public sealed class InFlightBytesTests
{
    [Fact]
    public async Task Concurrent_work_never_holds_more_than_the_limit_and_all_of_it_runs()
    {
        var gate = new InFlightBytes(limit: 100);
        var random = new Random(17);
        var sizes = Enumerable.Range(0, 200).Select(_ => (long)random.Next(1, 60)).ToList();
        long holding = 0, most = 0, done = 0;
        await Parallel.ForEachAsync(sizes, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (size, ct) =>
        {
            await gate.WaitAsync(size, ct);
            var now = Interlocked.Add(ref holding, size);
            InterlockedMax(ref most, now);
            await Task.Delay(1, ct);
            Interlocked.Add(ref holding, -size);
            gate.Release(size);
            Interlocked.Increment(ref done);
        });
        Assert.Equal(sizes.Count, done);
        Assert.InRange(most, 60, 100);
        Assert.Equal(0, gate.Held);
    }

    [Fact]
    public async Task Work_larger_than_the_limit_runs_alone_and_later_work_waits_its_turn()
    {
        var gate = new InFlightBytes(limit: 10);
        await gate.WaitAsync(4, CancellationToken.None);
        var large = gate.WaitAsync(50, CancellationToken.None);
        var small = gate.WaitAsync(1, CancellationToken.None);
        Assert.False(large.IsCompleted);
        Assert.False(small.IsCompleted); // it fits, but the large one asked first

        gate.Release(4);
        await large;
        Assert.False(small.IsCompleted);
        Assert.Equal(50, gate.Held);
        gate.Release(50);
        await small;
        Assert.Equal(1, gate.Held);
    }

    [Fact]
    public async Task A_cancelled_waiter_is_never_granted_and_does_not_hold_up_the_others()
    {
        var gate = new InFlightBytes(limit: 10);
        await gate.WaitAsync(10, CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var cancelled = gate.WaitAsync(5, cancel.Token);
        var next = gate.WaitAsync(5, CancellationToken.None);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);

        gate.Release(10);
        await next;
        Assert.Equal(5, gate.Held);
    }

    private static void InterlockedMax(ref long target, long value)
    {
        long seen;
        while ((seen = Interlocked.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen) { }
    }
}

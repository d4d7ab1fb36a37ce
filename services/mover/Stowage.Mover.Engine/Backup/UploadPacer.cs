using System.Diagnostics;

namespace Stowage.Mover.Engine.Backup;

/// <summary>
/// Holds a backup's pack uploads to a byte rate (like restic's --limit-upload), so a backup can share a link with the
/// application: each pack starts only once the bytes before it fit the rate. The rate is kept over whole packs, so it is
/// exceeded for at most one pack at the start.
/// </summary>
internal sealed class UploadPacer(long? bytesPerSecond)
{
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private long booked;

    public Task WaitAsync(long bytes, CancellationToken cancellationToken)
    {
        if (bytesPerSecond is not > 0) return Task.CompletedTask;
        var before = Interlocked.Add(ref booked, bytes) - bytes;
        var wait = TimeSpan.FromSeconds((double)before / bytesPerSecond.Value) - clock.Elapsed;
        return wait > TimeSpan.Zero ? Task.Delay(wait, cancellationToken) : Task.CompletedTask;
    }
}

using Stowage.Mover.Engine.Backup;

namespace Stowage.Mover.Activities;

/// <summary>Passes on at most one progress report per interval, so a long copy does not flood pub/sub.</summary>
internal sealed class ThrottledProgress(TimeProvider clock, TimeSpan interval, Action<BackupProgress> report) : IProgress<BackupProgress>
{
    private long lastReport = long.MinValue;

    public void Report(BackupProgress value)
    {
        var now = clock.GetTimestamp();
        var last = Interlocked.Read(ref lastReport);
        if (last != long.MinValue && clock.GetElapsedTime(last, now) < interval) return;
        if (Interlocked.CompareExchange(ref lastReport, now, last) == last) report(value);
    }
}

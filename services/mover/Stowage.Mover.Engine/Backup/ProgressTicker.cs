using System.Diagnostics;

namespace Stowage.Mover.Engine.Backup;

/// <summary>Reports progress twice a second until disposed, then once more with the final figures.</summary>
internal sealed class ProgressTicker : IAsyncDisposable
{
    private readonly Func<TimeSpan, BackupProgress> _snapshot;
    private readonly IProgress<BackupProgress>? _progress;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public ProgressTicker(Func<TimeSpan, BackupProgress> snapshot, IProgress<BackupProgress>? progress)
    {
        _snapshot = snapshot;
        _progress = progress;
        _loop = progress is null ? Task.CompletedTask : Task.Run(LoopAsync);
    }

    public TimeSpan Elapsed => _clock.Elapsed;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try { await _loop; } catch (OperationCanceledException) { }
        _progress?.Report(_snapshot(_clock.Elapsed));
        _stop.Dispose();
    }

    private async Task LoopAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(500));
        while (await timer.WaitForNextTickAsync(_stop.Token)) _progress!.Report(_snapshot(_clock.Elapsed));
    }
}

using Stowage.Mover.Engine.Backup;

namespace Stowage.Mover.Engine.Tests.Support;

/// <summary>Reports on the reporting thread (Progress&lt;T&gt; would post to the pool after the test ended).</summary>
internal sealed class SyncProgress(Action<BackupProgress> report) : IProgress<BackupProgress>
{
    private readonly Lock _lock = new();

    public void Report(BackupProgress value)
    {
        lock (_lock) report(value);
    }
}

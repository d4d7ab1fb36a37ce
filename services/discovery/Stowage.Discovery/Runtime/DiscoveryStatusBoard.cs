using System.Collections.Concurrent;

namespace Stowage.Discovery.Runtime;

/// <summary>The health of discovery itself: watchers, unreadable objects and catalog files that could not be used.</summary>
internal sealed class DiscoveryStatusBoard
{
    private const int KeptProblems = 100;
    private readonly ConcurrentDictionary<(string Kind, string? Namespace), WatcherStatus> watchers = new();
    private readonly ConcurrentQueue<string> unreadableObjects = new();
    private int expectedWatchers = int.MaxValue;

    public IReadOnlyList<string> CatalogProblems { get; set; } = [];

    public string? ClusterError { get; set; }

    public IReadOnlyList<WatcherStatus> Watchers =>
        watchers.Values.OrderBy(w => w.Kind, StringComparer.Ordinal).ThenBy(w => w.Namespace, StringComparer.Ordinal).ToList();

    public IReadOnlyList<string> UnreadableObjects => unreadableObjects.ToList();

    /// <summary>True once every watcher has had its first answer, so applications are not announced half-seen.</summary>
    public bool InitialSyncComplete => watchers.Values.Count(w => w.Synced) >= Volatile.Read(ref expectedWatchers);

    public void ExpectWatchers(int count) => Volatile.Write(ref expectedWatchers, count);

    /// <summary>Raised when a watcher reports its first answer.</summary>
    public event Action? WatcherSynced;

    public void Report(WatcherStatus status)
    {
        var key = (status.Kind, status.Namespace);
        var wasSynced = watchers.TryGetValue(key, out var previous) && previous.Synced;
        watchers[key] = status;
        if (status.Synced && !wasSynced)
        {
            WatcherSynced?.Invoke();
        }
    }

    public void ReportUnreadable(string problem)
    {
        unreadableObjects.Enqueue($"{DateTimeOffset.UtcNow:O} {problem}");
        while (unreadableObjects.Count > KeptProblems && unreadableObjects.TryDequeue(out _))
        {
        }
    }
}

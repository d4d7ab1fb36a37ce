using Microsoft.Extensions.Logging;
using Stowage.Discovery.Observability;

namespace Stowage.Discovery.Runtime;

/// <summary>What one watcher reports about itself: its status on the board, its metrics and its log lines.</summary>
internal sealed class WatcherProgress(string kind, string? ns, string scope, DiscoveryStatusBoard board, DiscoveryTelemetry telemetry, ILogger logger)
{
    private int lists;
    private int restarts;
    private bool synced;

    public string? ResourceVersion { get; set; }

    public void Report(string state, string? error = null) =>
        board.Report(new WatcherStatus(kind, ns, state, ResourceVersion, lists, restarts, error, synced));

    public void Listed(int count, string resourceVersion)
    {
        ResourceVersion = resourceVersion;
        lists++;
        synced = true;
        telemetry.ObjectsSeen.Add(count, Tag("kind", kind));
        logger.Listed(count, kind, scope, resourceVersion);
        Report("Listed");
    }

    /// <summary>A definitive answer that is not a list (403, 404) also counts as the first answer.</summary>
    public void Answered(string state, string reason)
    {
        synced = true;
        Report(state, reason);
    }

    public void Seen() => telemetry.ObjectsSeen.Add(1, Tag("kind", kind));

    public void Restarted(string reason)
    {
        restarts++;
        telemetry.WatchRestarts.Add(1, Tag("kind", kind), Tag("reason", reason));
    }

    public void Unreadable(string problem)
    {
        logger.UnreadableObject(problem);
        board.ReportUnreadable(problem);
    }

    private static KeyValuePair<string, object?> Tag(string key, object? value) => new(key, value);
}

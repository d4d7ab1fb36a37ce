using Stowage.Contracts;

namespace Stowage.Console.FrontDoor;

/// <summary>
/// Which service answers which path at the front door. The services keep their own paths; nothing else is forwarded,
/// so the sidecar-only routes (/dapr/*, /events/*) and /admin/* of every service stay out of reach.
/// </summary>
public static class FrontDoorRoutes
{
    public static IReadOnlyList<(string Prefix, string AppId)> All { get; } =
    [
        ("/policies", AppIds.Policy), ("/suggestions", AppIds.Policy), ("/targets", AppIds.Policy),
        ("/applications", AppIds.Discovery), ("/discovery", AppIds.Discovery),
        ("/schedules", AppIds.Scheduler),
        ("/runs", AppIds.Mover),
        ("/backups", AppIds.Restore), ("/restores", AppIds.Restore),
    ];

    /// <summary>The app ids behind the front door, each once.</summary>
    public static IReadOnlyList<string> Services { get; } = [.. All.Select(r => r.AppId).Distinct()];

    /// <summary>The console's own API (the protection read model), answered at the front door by the console itself.</summary>
    public const string ConsoleApi = "/api";

    /// <summary>Whether the front door's OpenAPI document shows <paramref name="path"/>: a forwarded one, or one of the console's own API.</summary>
    public static bool Documents(string path) => Forwards(path) || path.StartsWith(ConsoleApi + "/", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether the front door forwards <paramref name="path"/> (a path of some service's API).</summary>
    public static bool Forwards(string path) =>
        All.Any(r => path.Equals(r.Prefix, StringComparison.OrdinalIgnoreCase) || path.StartsWith(r.Prefix + "/", StringComparison.OrdinalIgnoreCase));
}

using Stowage.Discovery.Runtime;

namespace Stowage.Discovery.Api;

/// <summary>The body of <c>GET /discovery/status</c>.</summary>
public sealed record DiscoveryStatus(
    string? ClusterError,
    bool InitialSyncComplete,
    IReadOnlyList<WatcherStatus> Watchers,
    IReadOnlyList<string> UnreadableObjects,
    IReadOnlyList<string> CatalogKinds,
    IReadOnlyList<string> CatalogProblems);

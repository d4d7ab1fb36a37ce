namespace Stowage.Discovery.Runtime;

/// <summary>What one watcher (one kind in one namespace, or in all) is doing, for <c>GET /discovery/status</c>.</summary>
/// <param name="Kind">The watched kind.</param>
/// <param name="Namespace">The namespace, or null for all namespaces and cluster-scoped kinds.</param>
/// <param name="State">Starting, Watching, Relisting, Forbidden, NotServed or Failing.</param>
/// <param name="ResourceVersion">The resourceVersion it resumes from.</param>
/// <param name="Lists">How many full lists it has made (the first, then one after each 410 Gone or refusal).</param>
/// <param name="Restarts">How many times its watch was re-established.</param>
/// <param name="LastError">The last failure, if any.</param>
/// <param name="Synced">Whether its first list has completed or been answered definitively.</param>
public sealed record WatcherStatus(string Kind, string? Namespace, string State, string? ResourceVersion, int Lists, int Restarts, string? LastError, bool Synced);

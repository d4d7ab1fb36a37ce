using System.Text.Json.Nodes;
using Stowage.Contracts.Discovery;
using Stowage.Contracts.Policies;

namespace Stowage.Mover.Runtime.Runs;

/// <summary>
/// Everything a restore needs besides the data, stored (encrypted) in the repository beside the run's resources
/// snapshot: the application as discovery described it, its resources cleaned for another cluster, and each
/// volume's snapshot.
/// </summary>
public sealed record RunManifest(
    string RunId,
    string PolicyId,
    ApplicationRef Application,
    DateTimeOffset StartedAt,
    ApplicationDescription? Description,
    IReadOnlyList<JsonObject> Resources,
    IReadOnlyList<VolumeSnapshotRef> Volumes,
    IReadOnlyList<HookSpec> PostRestoreHooks);

/// <summary>A volume of the run, the snapshot holding its files, and how many bytes its copy added to the repository.</summary>
public sealed record VolumeSnapshotRef(string ClaimName, string SnapshotId, string? StorageClass, string? Size, long BytesAdded);

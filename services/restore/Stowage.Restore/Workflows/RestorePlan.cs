using Stowage.Contracts.Restores;
using Stowage.Mover.Runtime.Hooks;
using Stowage.Mover.Runtime.Runs;

namespace Stowage.Restore.Workflows;

public sealed record RestoreInput(string RestoreId, RestoreRequest Request);

/// <summary>
/// What a restore will do, read from the bucket alone by its first activity: the claims to create before the data is
/// restored into them, and the other resources (workloads last) to create once it is.
/// </summary>
public sealed record RestorePlan(
    RestoreInput Input,
    string RunId,
    string TargetNamespace,
    IReadOnlyList<string> Claims,
    IReadOnlyList<string> Resources,
    IReadOnlyList<VolumeSnapshotRef> Volumes,
    IReadOnlyList<HookInvocation> PostRestoreHooks,
    string? Problem);

public sealed record VolumeRestore(RestorePlan Plan, VolumeSnapshotRef Volume);

/// <summary>Resources of a plan to create in its target namespace, in this order.</summary>
public sealed record ResourceBatch(string RestoreId, string TargetNamespace, IReadOnlyList<string> Resources);

public sealed record RestoreStatus(string Step, int VolumesDone, int VolumesTotal);

public sealed record RestoreReport(string RestoreId, string RunId, string Outcome, string? Reason, IReadOnlyList<RestoredItem> Resources, IReadOnlyList<RestoredItem> Volumes);

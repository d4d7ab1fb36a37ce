using Stowage.Common.Access;
using Stowage.Contracts.Restores;
using Stowage.Mover.Runtime.Hooks;
using Stowage.Mover.Runtime.Runs;

namespace Stowage.Restore.Workflows;

/// <summary>
/// A restore as asked, with who asked it (their identity, never their token): the plan may do only what they could. A
/// restore command's <paramref name="CorrelationId"/> goes back in its restore.finished.
/// </summary>
public sealed record RestoreInput(string RestoreId, RestoreRequest Request, Caller RequestedBy, string? CorrelationId = null)
{
    /// <summary>Where the restore writes; the API refuses a request that names neither.</summary>
    public string TargetNamespace => Request.TargetNamespace ?? Request.Application?.Namespace
        ?? throw new InvalidOperationException("A restore request names its target namespace or application.");
}

/// <summary>
/// What a restore will do, read from the bucket alone by its first activity: the claims to create before the data is
/// restored into them, and the other resources (workloads last) to create once it is. Resources are named, not
/// carried: workflow state holds no backed-up object's contents (a Secret's data least of all).
/// </summary>
public sealed record RestorePlan(
    RestoreInput Input,
    string RunId,
    string TargetNamespace,
    IReadOnlyList<ResourceRef> Claims,
    IReadOnlyList<ResourceRef> Resources,
    IReadOnlyList<VolumeSnapshotRef> Volumes,
    IReadOnlyList<HookInvocation> PostRestoreHooks,
    string? Problem);

public sealed record VolumeRestore(RestorePlan Plan, VolumeSnapshotRef Volume);

/// <summary>Resources of a plan to create in its target namespace, in this order, read again from the run <paramref name="RunId"/> of the restore's bucket.</summary>
public sealed record ResourceBatch(RestoreInput Input, string RunId, string TargetNamespace, IReadOnlyList<ResourceRef> Resources);

public sealed record RestoreStatus(string Step, int VolumesDone, int VolumesTotal);

public sealed record RestoreReport(string RestoreId, string RunId, string Outcome, string? Reason, IReadOnlyList<RestoredItem> Resources, IReadOnlyList<RestoredItem> Volumes);

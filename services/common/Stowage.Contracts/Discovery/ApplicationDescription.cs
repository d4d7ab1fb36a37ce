namespace Stowage.Contracts.Discovery;

/// <summary>Everything a consumer needs to protect one application, so that no consumer has to call discovery back.</summary>
/// <param name="Id">Stable id, <c>{namespace}/{name}</c>.</param>
/// <param name="Namespace">The namespace the application lives in.</param>
/// <param name="Name">The application's name (Helm release, app.kubernetes.io/instance, owning resource or workload).</param>
/// <param name="Kind">What the application is, and why discovery thinks so.</param>
/// <param name="GroupedBy">How its resources were grouped: <c>label:app.kubernetes.io/instance</c>, <c>helm-release</c>, <c>owner:{Kind}</c>, <c>workload</c>, <c>pod</c> or <c>claim</c>.</param>
/// <param name="Resources">The Kubernetes resources that make up the application, sorted.</param>
/// <param name="Volumes">Its persistent volume claims and how each is copied.</param>
/// <param name="Pods">Its pods.</param>
/// <param name="Hooks">Commands that make a copy consistent, run in each member pod.</param>
/// <param name="Members">Which pods' volumes are copied.</param>
/// <param name="SuggestedPolicy">The default schedule and retention for this kind.</param>
/// <param name="RestoreNotes">What to know when restoring this kind.</param>
/// <param name="Status">Whether it can be protected, and what stands in the way.</param>
/// <param name="ContentHash">Hash of everything above; equal hashes mean nothing changed.</param>
public sealed record ApplicationDescription(
    string Id,
    string Namespace,
    string Name,
    ApplicationKind Kind,
    string GroupedBy,
    IReadOnlyList<ResourceReference> Resources,
    IReadOnlyList<ApplicationVolume> Volumes,
    IReadOnlyList<ApplicationPod> Pods,
    ConsistencyHooks Hooks,
    MemberSelection Members,
    SuggestedPolicy SuggestedPolicy,
    string RestoreNotes,
    ProtectionStatus Status,
    string ContentHash);

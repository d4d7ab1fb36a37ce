using Stowage.Discovery.Domain.Inventory;

namespace Stowage.Discovery.Domain.Grouping;

/// <summary>Which application an object belongs to, and what said so.</summary>
internal sealed record ApplicationIdentity(string Namespace, string Name, string GroupedBy)
{
    public const string InstanceLabel = "app.kubernetes.io/instance";
    public const string HelmReleaseAnnotation = "meta.helm.sh/release-name";
    public const string HelmReleaseLabel = "release";

    /// <summary>Controllers that are part of a workload rather than an application of their own.</summary>
    private static readonly HashSet<string> IntermediateOwners = ["ReplicaSet", "StatefulSet", "Deployment", "DaemonSet", "ControllerRevision", "Job"];

    /// <summary>
    /// In order: the app.kubernetes.io/instance label, the Helm release, an owning resource that is not a plain
    /// controller (an operator's custom resource), on the object itself or on its pod template labels.
    /// </summary>
    public static ApplicationIdentity? Declared(ObjectMeta meta, IReadOnlyDictionary<string, string>? templateLabels = null)
    {
        if (Label(meta.Labels, templateLabels, InstanceLabel) is { } instance)
        {
            return new ApplicationIdentity(meta.Namespace, instance, "label:" + InstanceLabel);
        }
        if ((meta.Annotations.GetValueOrDefault(HelmReleaseAnnotation) ?? Label(meta.Labels, templateLabels, HelmReleaseLabel)) is { } release)
        {
            return new ApplicationIdentity(meta.Namespace, release, "helm-release");
        }
        if (meta.Controller is { } owner && !IntermediateOwners.Contains(owner.Kind))
        {
            return new ApplicationIdentity(meta.Namespace, owner.Name, "owner:" + owner.Kind);
        }
        return null;
    }

    public static ApplicationIdentity Of(ObjectMeta meta, string fallbackGroupedBy, IReadOnlyDictionary<string, string>? templateLabels = null) =>
        Declared(meta, templateLabels) ?? new ApplicationIdentity(meta.Namespace, meta.Name, fallbackGroupedBy);

    private static string? Label(IReadOnlyDictionary<string, string> labels, IReadOnlyDictionary<string, string>? templateLabels, string key) =>
        labels.GetValueOrDefault(key) is { Length: > 0 } own ? own
        : templateLabels?.GetValueOrDefault(key) is { Length: > 0 } template ? template
        : null;
}

namespace Stowage.Discovery.Domain.Inventory;

/// <summary>A StatefulSet, Deployment or DaemonSet.</summary>
internal sealed record WorkloadObject(
    ObjectMeta Meta,
    IReadOnlyList<string> Problems,
    ObjectKind WorkloadKind,
    IReadOnlyDictionary<string, string> Selector,
    int Replicas,
    PodTemplate Template,
    IReadOnlyList<ClaimTemplate> ClaimTemplates) : ClusterObject(Meta, Problems)
{
    public override ObjectKind Kind => WorkloadKind;

    public override string ApiVersion => "apps/v1";
}

/// <summary>A StatefulSet volumeClaimTemplate; its claims are named <c>{template}-{statefulset}-{ordinal}</c>.</summary>
internal sealed record ClaimTemplate(string Name, string? Size, string? StorageClass);

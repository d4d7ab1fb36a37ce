namespace Stowage.Discovery.Domain.Inventory;

internal sealed record PodObject(ObjectMeta Meta, IReadOnlyList<string> Problems, PodTemplate Spec, string? NodeName)
    : ClusterObject(Meta, Problems)
{
    public override ObjectKind Kind => ObjectKind.Pod;

    public override string ApiVersion => "v1";
}

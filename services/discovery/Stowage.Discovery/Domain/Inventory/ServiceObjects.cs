namespace Stowage.Discovery.Domain.Inventory;

internal sealed record ServiceObject(ObjectMeta Meta, IReadOnlyList<string> Problems, IReadOnlyDictionary<string, string> Selector, IReadOnlyList<int> Ports)
    : ClusterObject(Meta, Problems)
{
    public override ObjectKind Kind => ObjectKind.Service;

    public override string ApiVersion => "v1";
}

/// <summary>A ConfigMap or Secret: discovery keeps only its name and labels, never its data.</summary>
internal sealed record NamedObject(ObjectMeta Meta, IReadOnlyList<string> Problems, ObjectKind NamedKind) : ClusterObject(Meta, Problems)
{
    public override ObjectKind Kind => NamedKind;

    public override string ApiVersion => "v1";
}

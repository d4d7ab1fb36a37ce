namespace Stowage.Discovery.Domain.Inventory;

/// <summary>A watched object, reduced to what grouping and classification read.</summary>
/// <param name="Meta">Its metadata.</param>
/// <param name="Problems">What was wrong with it when read (missing or unreadable fields); reported in its application's status.</param>
internal abstract record ClusterObject(ObjectMeta Meta, IReadOnlyList<string> Problems)
{
    public abstract ObjectKind Kind { get; }

    public abstract string ApiVersion { get; }

    public ObjectKey Key => new(Kind, Meta.Namespace, Meta.Name);

    public string Name => Meta.Name;

    public string Namespace => Meta.Namespace;
}

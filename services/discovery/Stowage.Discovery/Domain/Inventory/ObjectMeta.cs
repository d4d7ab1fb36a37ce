using Stowage.Common.Kubernetes;

namespace Stowage.Discovery.Domain.Inventory;

/// <summary>The metadata grouping needs. Never holds a Secret's data.</summary>
internal sealed record ObjectMeta(
    string Namespace,
    string Name,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> Annotations,
    IReadOnlyList<OwnerLink> Owners)
{
    public OwnerLink? Controller => Owners.FirstOrDefault(owner => owner.IsController);
}

/// <summary>An ownerReference: the owner may be a kind discovery does not watch (a ReplicaSet, an operator's custom resource).</summary>
internal sealed record OwnerLink(string ApiVersion, string Kind, string Name, bool IsController)
{
    /// <summary><c>Kind.group</c>, e.g. <c>Cluster.postgresql.cnpg.io</c>, or just the kind for the core group.</summary>
    public string QualifiedKind => ApiVersions.GroupOf(ApiVersion) is { Length: > 0 } group ? $"{Kind}.{group}" : Kind;
}

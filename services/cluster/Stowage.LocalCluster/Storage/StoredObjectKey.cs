using Stowage.LocalCluster.Resources;

namespace Stowage.LocalCluster.Storage;

internal sealed record StoredObjectKey(string Group, string Plural, string Namespace, string Name)
{
    public static StoredObjectKey For(FakeResourceType type, string? ns, string name) =>
        new(type.Group, type.Plural, type.Namespaced ? ns ?? "" : "", name);
}

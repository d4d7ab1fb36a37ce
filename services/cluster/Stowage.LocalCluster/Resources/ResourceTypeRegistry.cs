using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace Stowage.LocalCluster.Resources;

/// <summary>The kinds the server serves; grows when a CustomResourceDefinition is created.</summary>
internal sealed class ResourceTypeRegistry
{
    private readonly ConcurrentDictionary<(string Group, string Version, string Plural), FakeResourceType> byPlural = new();

    public void Register(FakeResourceType type) => byPlural[(type.Group, type.Version, type.Plural)] = type;

    public void Unregister(FakeResourceType type) => byPlural.TryRemove((type.Group, type.Version, type.Plural), out _);

    public FakeResourceType? FindByPlural(string group, string version, string plural) =>
        byPlural.GetValueOrDefault((group, version, plural));

    public FakeResourceType? FindByKind(string apiVersion, string kind) =>
        byPlural.Values.FirstOrDefault(type => type.ApiVersion == apiVersion && type.Kind == kind);

    public IReadOnlyList<FakeResourceType> All() =>
        byPlural.Values.OrderBy(type => type.Group, StringComparer.Ordinal).ThenBy(type => type.Plural, StringComparer.Ordinal).ToList();

    public IReadOnlyList<FakeResourceType> InGroupVersion(string group, string version) =>
        All().Where(type => type.Group == group && type.Version == version).ToList();

    /// <summary>The kinds a CustomResourceDefinition object declares, one per served version.</summary>
    public static IEnumerable<FakeResourceType> DeclaredBy(JsonObject crd)
    {
        var spec = crd["spec"]?.AsObject() ?? throw new InvalidOperationException("A CustomResourceDefinition needs a spec.");
        var group = (string?)spec["group"] ?? throw new InvalidOperationException("A CustomResourceDefinition needs spec.group.");
        var names = spec["names"]?.AsObject() ?? throw new InvalidOperationException("A CustomResourceDefinition needs spec.names.");
        var namespaced = !string.Equals((string?)spec["scope"], "Cluster", StringComparison.Ordinal);
        var shortNames = names["shortNames"]?.AsArray().Select(node => (string)node!).ToList();
        foreach (var version in spec["versions"]?.AsArray() ?? [])
        {
            if (version?["served"] is JsonValue served && !(bool)served)
            {
                continue;
            }
            yield return new FakeResourceType(group, (string)version!["name"]!, (string)names["kind"]!, (string)names["plural"]!, namespaced, shortNames);
        }
    }
}

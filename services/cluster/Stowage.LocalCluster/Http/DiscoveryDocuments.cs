using System.Text.Json.Nodes;
using Stowage.LocalCluster.Resources;

namespace Stowage.LocalCluster.Http;

/// <summary>The API discovery documents clients read before anything else: /version, /api, /apis and resource lists.</summary>
internal static class DiscoveryDocuments
{
    private static readonly string[] Verbs = ["create", "delete", "get", "list", "patch", "update", "watch"];

    public static JsonObject Version() => new()
    {
        ["major"] = "1",
        ["minor"] = "32",
        ["gitVersion"] = "v1.32.0-stowage-fake",
        ["platform"] = "linux/amd64",
    };

    public static JsonObject CoreVersions(string serverAddress) => new()
    {
        ["kind"] = "APIVersions",
        ["versions"] = new JsonArray("v1"),
        ["serverAddressByClientCIDRs"] = new JsonArray(new JsonObject { ["clientCIDR"] = "0.0.0.0/0", ["serverAddress"] = serverAddress }),
    };

    public static JsonObject GroupList(ResourceTypeRegistry registry) => new()
    {
        ["kind"] = "APIGroupList",
        ["apiVersion"] = "v1",
        ["groups"] = new JsonArray(registry.All().Where(type => type.Group.Length > 0)
            .GroupBy(type => type.Group).Select(group => (JsonNode)Group(group.Key, group.Select(type => type.Version))).ToArray()),
    };

    public static JsonObject Group(string name, IEnumerable<string> versions)
    {
        var distinct = versions.Distinct().Select(version => new JsonObject { ["groupVersion"] = $"{name}/{version}", ["version"] = version }).ToList();
        return new JsonObject
        {
            ["kind"] = "APIGroup",
            ["apiVersion"] = "v1",
            ["name"] = name,
            ["versions"] = new JsonArray(distinct.Select(version => (JsonNode)version.DeepClone()).ToArray()),
            ["preferredVersion"] = distinct[0].DeepClone(),
        };
    }

    public static JsonObject ResourceList(string groupVersion, IEnumerable<FakeResourceType> types) => new()
    {
        ["kind"] = "APIResourceList",
        ["apiVersion"] = "v1",
        ["groupVersion"] = groupVersion,
        ["resources"] = new JsonArray(types.SelectMany(type => new JsonNode[]
        {
            new JsonObject
            {
                ["name"] = type.Plural,
                ["singularName"] = type.SingularName,
                ["namespaced"] = type.Namespaced,
                ["kind"] = type.Kind,
                ["verbs"] = new JsonArray(Verbs.Select(verb => (JsonNode)verb).ToArray()),
                ["shortNames"] = new JsonArray((type.ShortNames ?? []).Select(name => (JsonNode)name).ToArray()),
            },
            new JsonObject
            {
                ["name"] = $"{type.Plural}/status",
                ["singularName"] = "",
                ["namespaced"] = type.Namespaced,
                ["kind"] = type.Kind,
                ["verbs"] = new JsonArray("get", "patch", "update"),
            },
        }).ToArray()),
    };
}

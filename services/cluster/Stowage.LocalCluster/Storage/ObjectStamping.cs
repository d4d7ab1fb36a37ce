using System.Globalization;
using System.Text.Json.Nodes;
using Stowage.LocalCluster.Resources;

namespace Stowage.LocalCluster.Storage;

/// <summary>The fields the API server owns: identity, timestamps, versions.</summary>
internal static class ObjectStamping
{
    public static string NameFor(JsonObject obj)
    {
        var metadata = ObjectMetadata.Of(obj);
        if (ObjectMetadata.Name(obj) is { Length: > 0 } name)
        {
            return name;
        }
        if ((string?)metadata["generateName"] is { Length: > 0 } prefix)
        {
            var generated = prefix + Guid.NewGuid().ToString("N")[..5];
            metadata["name"] = generated;
            return generated;
        }
        throw ApiException.BadRequest("name or generateName is required");
    }

    public static void StampCreated(JsonObject obj, FakeResourceType type, string? ns, long version)
    {
        obj["apiVersion"] = type.ApiVersion;
        obj["kind"] = type.Kind;
        var metadata = ObjectMetadata.Of(obj);
        if (type.Namespaced)
        {
            metadata["namespace"] = ns;
        }
        else
        {
            metadata.Remove("namespace");
        }
        metadata["uid"] = Guid.NewGuid().ToString();
        metadata["creationTimestamp"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        metadata["generation"] = 1L;
        metadata["resourceVersion"] = version.ToString(CultureInfo.InvariantCulture);
    }

    public static void StampUpdated(JsonObject updated, JsonObject current, long version)
    {
        updated["apiVersion"] = current["apiVersion"]?.DeepClone();
        updated["kind"] = current["kind"]?.DeepClone();
        var metadata = ObjectMetadata.Of(updated);
        var currentMetadata = ObjectMetadata.Of(current);
        foreach (var owned in new[] { "name", "namespace", "uid", "creationTimestamp" })
        {
            metadata[owned] = currentMetadata[owned]?.DeepClone();
        }
        var generation = (long?)currentMetadata["generation"] ?? 1;
        metadata["generation"] = JsonNode.DeepEquals(updated["spec"], current["spec"]) ? generation : generation + 1;
        metadata["resourceVersion"] = version.ToString(CultureInfo.InvariantCulture);
    }

    public static void StampDeleted(JsonObject obj, long version) =>
        ObjectMetadata.Of(obj)["resourceVersion"] = version.ToString(CultureInfo.InvariantCulture);
}

using System.Text.Json.Nodes;

namespace Stowage.LocalCluster.Storage;

internal static class ObjectMetadata
{
    public static JsonObject Of(JsonObject obj)
    {
        if (obj["metadata"] is JsonObject metadata)
        {
            return metadata;
        }
        var created = new JsonObject();
        obj["metadata"] = created;
        return created;
    }

    public static string? Name(JsonObject obj) => (string?)obj["metadata"]?["name"];

    public static IReadOnlyDictionary<string, string> Labels(JsonObject obj) =>
        obj["metadata"]?["labels"] is JsonObject labels
            ? labels.ToDictionary(pair => pair.Key, pair => pair.Value?.ToString() ?? "")
            : new Dictionary<string, string>();
}

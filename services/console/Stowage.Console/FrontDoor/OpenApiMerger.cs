using System.Text.Json.Nodes;

namespace Stowage.Console.FrontDoor;

/// <summary>
/// Merges the services' OpenAPI documents into one: their paths (only those <c>keepPath</c> accepts), tags and
/// components. A component another service already declared with a different shape is renamed "{service}.{name}"
/// (for example "restore.RestoreRequest"), and that service's references follow it, so no operation changes meaning.
/// </summary>
public static class OpenApiMerger
{
    public static JsonObject Merge(IEnumerable<(string AppId, JsonObject Document)> documents, Func<string, bool> keepPath)
    {
        var paths = new JsonObject();
        var components = new JsonObject();
        var tags = new JsonArray();
        var version = "3.1.1";
        foreach (var (appId, source) in documents)
        {
            var document = (JsonObject)source.DeepClone();
            version = document["openapi"]?.GetValue<string>() ?? version;
            var declared = document["components"] as JsonObject ?? [];
            var renames = RenamesFor(components, declared, appId.Replace("stowage-", "", StringComparison.Ordinal));
            RewriteReferences(document, renames);
            AddComponents(components, declared, renames);
            AddPaths(paths, document["paths"] as JsonObject ?? [], keepPath);
            foreach (var tag in (document["tags"] as JsonArray ?? []).OfType<JsonObject>())
            {
                if (!tags.OfType<JsonObject>().Any(t => t["name"]?.GetValue<string>() == tag["name"]?.GetValue<string>())) tags.Add(tag.DeepClone());
            }
        }

        var merged = new JsonObject
        {
            ["openapi"] = version,
            ["info"] = new JsonObject { ["title"] = "Stowage API", ["version"] = "v1", ["description"] = "Every Stowage service's API, at the front door's address." },
            ["paths"] = paths,
        };
        if (components.Count > 0) merged["components"] = components;
        if (tags.Count > 0) merged["tags"] = tags;
        return merged;
    }

    private static Dictionary<string, string> RenamesFor(JsonObject existing, JsonObject declared, string service)
    {
        var renames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (kind, group) in declared)
        {
            if (group is not JsonObject items || existing[kind] is not JsonObject taken) continue;
            foreach (var (name, item) in items)
            {
                if (taken[name] is { } other && !JsonNode.DeepEquals(other, item)) renames[$"#/components/{kind}/{name}"] = $"#/components/{kind}/{service}.{name}";
            }
        }
        return renames;
    }

    private static void RewriteReferences(JsonNode? node, Dictionary<string, string> renames)
    {
        if (renames.Count == 0) return;
        switch (node)
        {
            case JsonObject item:
                if (item["$ref"] is JsonValue reference && reference.GetValue<string>() is { } target && renames.TryGetValue(target, out var renamed)) item["$ref"] = renamed;
                foreach (var (_, child) in item.ToList()) RewriteReferences(child, renames);
                break;
            case JsonArray list:
                foreach (var child in list) RewriteReferences(child, renames);
                break;
        }
    }

    private static void AddComponents(JsonObject components, JsonObject declared, Dictionary<string, string> renames)
    {
        foreach (var (kind, group) in declared)
        {
            if (group is not JsonObject items) continue;
            var into = components[kind] as JsonObject ?? (JsonObject)(components[kind] = new JsonObject());
            foreach (var (name, item) in items)
            {
                var key = renames.TryGetValue($"#/components/{kind}/{name}", out var renamed) ? renamed[(renamed.LastIndexOf('/') + 1)..] : name;
                into[key] ??= item?.DeepClone();
            }
        }
    }

    private static void AddPaths(JsonObject paths, JsonObject declared, Func<string, bool> keepPath)
    {
        foreach (var (path, operations) in declared)
        {
            if (!keepPath(path) || operations is not JsonObject methods) continue;
            var into = paths[path] as JsonObject ?? (JsonObject)(paths[path] = new JsonObject());
            foreach (var (method, operation) in methods) into[method] ??= operation?.DeepClone();
        }
    }
}

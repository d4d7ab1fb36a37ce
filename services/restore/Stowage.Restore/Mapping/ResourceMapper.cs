using System.Text.Json.Nodes;

namespace Stowage.Restore.Mapping;

/// <summary>Moves a backed-up resource into the target namespace and renames storage classes as the restore asks.</summary>
public static class ResourceMapper
{
    public static JsonObject Map(JsonObject resource, string targetNamespace, IReadOnlyDictionary<string, string> storageClasses)
    {
        var mapped = resource.DeepClone().AsObject();
        if (mapped["metadata"] is JsonObject metadata) metadata["namespace"] = targetNamespace;
        var spec = mapped["spec"] as JsonObject;
        switch ((string?)mapped["kind"])
        {
            case "PersistentVolumeClaim":
                MapStorageClass(spec, storageClasses);
                break;
            case "StatefulSet":
                var templates = spec?["volumeClaimTemplates"] as JsonArray ?? [];
                foreach (var template in templates.OfType<JsonObject>()) MapStorageClass(template["spec"] as JsonObject, storageClasses);
                break;
        }
        return mapped;
    }

    private static void MapStorageClass(JsonObject? spec, IReadOnlyDictionary<string, string> storageClasses)
    {
        if (spec?["storageClassName"]?.GetValue<string>() is { } current && storageClasses.TryGetValue(current, out var replacement))
        {
            spec["storageClassName"] = replacement;
        }
    }

    /// <summary>The storage class a volume gets in the target cluster.</summary>
    public static string? StorageClassOf(string? original, IReadOnlyDictionary<string, string> storageClasses) =>
        original is not null && storageClasses.TryGetValue(original, out var replacement) ? replacement : original;
}

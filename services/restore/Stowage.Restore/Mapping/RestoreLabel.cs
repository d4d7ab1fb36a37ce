using System.Text.Json.Nodes;

namespace Stowage.Restore.Mapping;

/// <summary>
/// Every object a restore creates carries its restore id, so a retried step can tell the objects it made itself
/// from objects that were there before (which a restore never overwrites).
/// </summary>
public static class RestoreLabel
{
    public const string Key = "stowage.io/restore";

    public static void Stamp(JsonObject resource, string restoreId)
    {
        var metadata = resource["metadata"] as JsonObject ?? (JsonObject)(resource["metadata"] = new JsonObject());
        var labels = metadata["labels"] as JsonObject ?? (JsonObject)(metadata["labels"] = new JsonObject());
        labels[Key] = restoreId;
    }

    public static bool IsFrom(JsonObject resource, string restoreId) => (string?)resource["metadata"]?["labels"]?[Key] == restoreId;
}

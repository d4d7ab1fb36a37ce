using System.Globalization;
using System.Text.Json.Nodes;
using Stowage.LocalCluster.Resources;
using Stowage.LocalCluster.Storage;

namespace Stowage.LocalCluster.Controllers;

/// <summary>How controllers write: only when something changed (so a level-triggered loop settles), and losing a race is harmless.</summary>
internal static class ObjectWrites
{
    public static string Now(DateTimeOffset now) => now.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    /// <summary>Applies <paramref name="change"/> to a copy of the object and stores it when it differs; false when it did not or the object is gone.</summary>
    public static bool Change(ObjectStore store, FakeResourceType type, string? ns, string name, Action<JsonObject> change)
    {
        var current = store.Get(type, ns, name);
        if (current is null)
        {
            return false;
        }
        var changed = current.DeepClone().AsObject();
        change(changed);
        if (JsonNode.DeepEquals(current, changed))
        {
            return false;
        }
        try
        {
            store.Update(type, ns, name, _ => changed);
            return true;
        }
        catch (ApiException error) when (error.Code is 404 or 409)
        {
            return false;
        }
    }

    public static bool TryCreate(ObjectStore store, FakeResourceType type, string? ns, JsonObject obj)
    {
        try
        {
            store.Create(type, ns, obj);
            return true;
        }
        catch (ApiException error) when (error.Code == 409)
        {
            return false;
        }
    }

    public static void TryDelete(ObjectStore store, FakeResourceType type, string? ns, string name)
    {
        try
        {
            store.Delete(type, ns, name);
        }
        catch (ApiException error) when (error.Code == 404)
        {
        }
    }

    /// <summary>A whole number however it was stored (parsed JSON, or an int or long set in code).</summary>
    public static long? Number(JsonNode? node) =>
        node is JsonValue value && long.TryParse(value.ToJsonString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : null;

    public static string Namespace(JsonObject obj) => (string?)obj["metadata"]?["namespace"] ?? "";

    public static string Name(JsonObject obj) => (string?)obj["metadata"]?["name"] ?? "";

    public static string Uid(JsonObject obj) => (string?)obj["metadata"]?["uid"] ?? "";

    /// <summary>A controller reference to <paramref name="owner"/>, as controllers set on what they create.</summary>
    public static JsonArray OwnedBy(JsonObject owner) => new(new JsonObject
    {
        ["apiVersion"] = owner["apiVersion"]?.DeepClone(),
        ["kind"] = owner["kind"]?.DeepClone(),
        ["name"] = Name(owner),
        ["uid"] = Uid(owner),
        ["controller"] = true,
        ["blockOwnerDeletion"] = true,
    });

    public static bool IsOwnedBy(JsonObject obj, string ownerUid) =>
        (obj["metadata"]?["ownerReferences"] as JsonArray ?? []).Any(reference => (string?)reference?["uid"] == ownerUid);
}

using System.Text.Json.Nodes;

namespace Stowage.Restore.Workflows;

/// <summary>
/// A resource of the plan by what names it, and its place in the restore's order. Its contents stay in the bucket
/// until the moment it is created, so workflow state (activity inputs and outputs) never holds a backed-up Secret's data.
/// </summary>
public sealed record ResourceRef(string ApiVersion, string Kind, string Name, int Order)
{
    public static ResourceRef Of(JsonObject resource, int order) =>
        new((string?)resource["apiVersion"] ?? "", RestoredItems.KindOf(resource), RestoredItems.NameOf(resource), order);

    /// <summary>Whether <paramref name="resource"/> is the one this names (its apiVersion, kind and name; the kinds authorized are the kinds created).</summary>
    public bool Names(JsonObject resource) =>
        (string?)resource["apiVersion"] == ApiVersion && RestoredItems.KindOf(resource) == Kind && RestoredItems.NameOf(resource) == Name;
}

using System.Text.Json.Nodes;
using Stowage.Contracts.Restores;

namespace Stowage.Restore.Workflows;

/// <summary>Report lines about a resource of the plan, named by its kind and name.</summary>
internal static class RestoredItems
{
    public static RestoredItem Of(JsonObject resource, bool succeeded, string? detail) => new(KindOf(resource), NameOf(resource), succeeded, detail);

    public static RestoredItem Of(ResourceRef resource, bool succeeded, string? detail) => new(resource.Kind, resource.Name, succeeded, detail);

    public static string KindOf(JsonObject resource) => (string?)resource["kind"] ?? "?";

    public static string NameOf(JsonObject resource) => (string?)resource["metadata"]?["name"] ?? "?";
}

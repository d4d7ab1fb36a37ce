using System.Text.Json.Nodes;

namespace Stowage.LocalCluster.Storage;

/// <summary>A parsed <c>fieldSelector</c>: <c>path=value</c>, <c>path==value</c> or <c>path!=value</c> on any dotted field, e.g. <c>metadata.name</c>.</summary>
internal sealed class FieldSelector
{
    private readonly IReadOnlyList<(string[] Path, string Value, bool Equal)> requirements;

    private FieldSelector(IReadOnlyList<(string[] Path, string Value, bool Equal)> requirements) => this.requirements = requirements;

    public static FieldSelector Everything { get; } = new([]);

    public static FieldSelector Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Everything;
        }
        return new FieldSelector(text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(term =>
        {
            var notEqual = term.IndexOf("!=", StringComparison.Ordinal);
            if (notEqual > 0)
            {
                return (term[..notEqual].Split('.'), term[(notEqual + 2)..], false);
            }
            var equal = term.IndexOf('=');
            if (equal <= 0)
            {
                throw new FormatException($"Invalid field selector term '{term}'.");
            }
            return (term[..equal].Split('.'), term[(equal + 1)..].TrimStart('='), true);
        }).ToList());
    }

    public bool Matches(JsonObject obj) =>
        requirements.All(requirement => (ValueAt(obj, requirement.Path) == requirement.Value) == requirement.Equal);

    private static string ValueAt(JsonObject obj, string[] path)
    {
        JsonNode? node = obj;
        foreach (var segment in path)
        {
            node = node is JsonObject parent ? parent[segment] : null;
        }
        return node switch
        {
            null => "",
            JsonValue value => value.ToString(),
            _ => node.ToJsonString(),
        };
    }
}

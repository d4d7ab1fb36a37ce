using System.Text.Json;
using System.Text.RegularExpressions;

namespace Stowage.LocalSidecar.PubSub;

/// The part of CEL that Dapr routing rules use in practice: comparisons of CloudEvent attributes with string literals
/// (<c>event.type == "x"</c>, <c>!=</c>), joined by <c>&amp;&amp;</c> and <c>||</c> without parentheses. Anything else never matches.
internal static partial class RouteCondition
{
    public static bool Holds(string expression, JsonElement cloudEvent) =>
        expression.Split("||").Any(any => any.Split("&&").All(all => ComparisonHolds(all.Trim(), cloudEvent)));

    private static bool ComparisonHolds(string comparison, JsonElement cloudEvent)
    {
        var match = Comparison().Match(comparison);
        if (!match.Success)
        {
            return false;
        }

        var actual = cloudEvent.TryGetProperty(match.Groups["attribute"].Value, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
        var equal = actual == match.Groups["literal"].Value;
        return match.Groups["operator"].Value == "==" ? equal : !equal;
    }

    [GeneratedRegex("""^event\.(?<attribute>[A-Za-z0-9_]+)\s*(?<operator>==|!=)\s*["'](?<literal>[^"']*)["']$""")]
    private static partial Regex Comparison();
}

using System.Text.Json;

namespace Stowage.LocalSidecar.PubSub;

/// Reads the JSON an app returns from GET /dapr/subscribe (both the "route" and the "routes" forms).
internal static class SubscriptionDocument
{
    public static IReadOnlyList<TopicSubscription> Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var subscriptions = new List<TopicSubscription>();
        foreach (var element in document.RootElement.EnumerateArray())
        {
            var routes = Property(element, "routes") is { ValueKind: JsonValueKind.Object } found ? found : (JsonElement?)null;
            var defaultRoute = StringOf(element, "route") ?? (routes is { } r ? StringOf(r, "default") : null);
            var rules = routes is { } withRules && Property(withRules, "rules") is { ValueKind: JsonValueKind.Array } list
                ? list.EnumerateArray().Select(rule => new RouteRule(StringOf(rule, "match") ?? string.Empty, StringOf(rule, "path") ?? string.Empty)).ToList()
                : [];
            subscriptions.Add(new TopicSubscription(
                StringOf(element, "pubsubname") ?? string.Empty,
                StringOf(element, "topic") ?? string.Empty,
                string.IsNullOrEmpty(defaultRoute) ? null : defaultRoute,
                rules,
                StringOf(element, "deadLetterTopic")));
        }

        return subscriptions;
    }

    // daprd reads these names case-insensitively; the .NET SDK writes "pubsubName".
    private static JsonElement? Property(JsonElement element, string name) =>
        element.EnumerateObject()
            .Where(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
            .Select(p => (JsonElement?)p.Value)
            .FirstOrDefault();

    private static string? StringOf(JsonElement element, string name) =>
        Property(element, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;
}

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
            var route = RouteOf(element);
            if (route is null)
            {
                continue;
            }

            subscriptions.Add(new TopicSubscription(
                StringOf(element, "pubsubname") ?? string.Empty,
                StringOf(element, "topic") ?? string.Empty,
                route,
                StringOf(element, "deadLetterTopic")));
        }

        return subscriptions;
    }

    // daprd reads these names case-insensitively; the .NET SDK writes "pubsubName".
    private static string? StringOf(JsonElement element, string name) =>
        element.EnumerateObject()
            .Where(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase) && p.Value.ValueKind == JsonValueKind.String)
            .Select(p => p.Value.GetString())
            .FirstOrDefault();

    // Rule matching (CEL) is not evaluated: the default route wins, else the first rule's path.
    private static string? RouteOf(JsonElement element)
    {
        if (StringOf(element, "route") is { Length: > 0 } single)
        {
            return single;
        }

        if (!element.TryGetProperty("routes", out var routes) || routes.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (routes.TryGetProperty("default", out var fallback) && fallback.GetString() is { Length: > 0 } path)
        {
            return path;
        }

        return routes.TryGetProperty("rules", out var rules)
            ? rules.EnumerateArray().Select(r => r.GetProperty("path").GetString()).FirstOrDefault()
            : null;
    }
}

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
                element.GetProperty("pubsubname").GetString()!,
                element.GetProperty("topic").GetString()!,
                route,
                element.TryGetProperty("deadLetterTopic", out var deadLetter) ? deadLetter.GetString() : null));
        }

        return subscriptions;
    }

    // Rule matching (CEL) is not evaluated: the default route wins, else the first rule's path.
    private static string? RouteOf(JsonElement element)
    {
        if (element.TryGetProperty("route", out var route) && route.GetString() is { Length: > 0 } single)
        {
            return single;
        }

        if (!element.TryGetProperty("routes", out var routes))
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

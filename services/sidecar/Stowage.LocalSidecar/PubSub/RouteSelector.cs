using System.Text.Json;

namespace Stowage.LocalSidecar.PubSub;

/// Picks the path an event goes to: the first rule whose condition holds, else the default route, else none.
internal static class RouteSelector
{
    public static string? Select(TopicSubscription subscription, PublishedEvent published)
    {
        if (subscription.Rules.Count == 0 || !published.ContentType.StartsWith(CloudEventFactory.CloudEventContentType, StringComparison.Ordinal))
        {
            return subscription.DefaultRoute;
        }

        using var cloudEvent = JsonDocument.Parse(published.Body);
        return subscription.Rules.FirstOrDefault(rule => RouteCondition.Holds(rule.Match, cloudEvent.RootElement))?.Path
            ?? subscription.DefaultRoute;
    }
}

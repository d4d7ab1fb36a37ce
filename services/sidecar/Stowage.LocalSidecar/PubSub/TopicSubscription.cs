namespace Stowage.LocalSidecar.PubSub;

/// One entry of an app's GET /dapr/subscribe answer: routing rules tried in order, then the default route.
internal sealed record TopicSubscription(
    string PubSubName, string Topic, string? DefaultRoute, IReadOnlyList<RouteRule> Rules, string? DeadLetterTopic)
{
    public bool Equals(TopicSubscription? other) =>
        other is not null && PubSubName == other.PubSubName && Topic == other.Topic && DefaultRoute == other.DefaultRoute &&
        Rules.SequenceEqual(other.Rules) && DeadLetterTopic == other.DeadLetterTopic;

    public override int GetHashCode() => HashCode.Combine(PubSubName, Topic, DefaultRoute, DeadLetterTopic);
}

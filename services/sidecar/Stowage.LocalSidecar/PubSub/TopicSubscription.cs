namespace Stowage.LocalSidecar.PubSub;

/// One entry of an app's GET /dapr/subscribe answer.
internal sealed record TopicSubscription(string PubSubName, string Topic, string Route, string? DeadLetterTopic);

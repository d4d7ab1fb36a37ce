namespace Stowage.LocalSidecar.Hosting;

/// <summary>Where a state store's transactional outbox publishes (daprd's outboxPublishPubsub and outboxPublishTopic).</summary>
public sealed record OutboxRoute(string PubSubName, string Topic);

namespace Stowage.LocalSidecar.PubSub;

/// An event as it travels to subscribers: the body to POST and its content type.
internal sealed record PublishedEvent(string PubSubName, string Topic, string Id, byte[] Body, string ContentType);

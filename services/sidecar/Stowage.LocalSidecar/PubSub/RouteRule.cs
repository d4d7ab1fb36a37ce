namespace Stowage.LocalSidecar.PubSub;

/// A routing rule of a subscription: a CEL condition on the CloudEvent and the path it sends matching events to.
internal sealed record RouteRule(string Match, string Path);

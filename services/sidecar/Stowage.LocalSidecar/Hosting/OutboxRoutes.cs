namespace Stowage.LocalSidecar.Hosting;

/// The outbox route of each state store that has one.
internal sealed record OutboxRoutes(IReadOnlyDictionary<string, OutboxRoute> Routes);

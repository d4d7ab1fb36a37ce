using Microsoft.Extensions.Logging;
using Stowage.LocalSidecar.PubSub;

namespace Stowage.LocalSidecar.Hosting;

/// <summary>What a local sidecar serves: the apps, where state lives, how events are retried.</summary>
public sealed class LocalSidecarOptions
{
    /// <summary>The apps to serve; each gets its own Dapr gRPC and HTTP port, as each pod gets its own daprd.</summary>
    public IList<LocalSidecarAppOptions> Apps { get; } = [];

    /// <summary>Path of a SQLite file that keeps state across restarts; null keeps state in memory.</summary>
    public string? SqlitePath { get; set; }

    /// <summary>State store names whose transactions publish through a transactional outbox, and where to.</summary>
    public IDictionary<string, OutboxRoute> Outboxes { get; } = new Dictionary<string, OutboxRoute>();

    /// <summary>Takes the outbox routes of the state store components in a Dapr components folder (e.g. the repository's
    /// components/), so the sidecar publishes through the outbox exactly where daprd would.</summary>
    public LocalSidecarOptions UseOutboxesOfComponents(string componentsDirectory)
    {
        foreach (var (store, route) in ComponentFiles.OutboxRoutesIn(componentsDirectory))
        {
            Outboxes[store] = route;
        }

        return this;
    }

    /// <summary>Topic scoping by pub/sub component name, honoured as daprd does: a refused publish fails with
    /// ERR_PUBSUB_FORBIDDEN (HTTP 403, gRPC PermissionDenied), a refused subscription is not delivered to.</summary>
    public IDictionary<string, TopicScopes> TopicScopes { get; } = new Dictionary<string, TopicScopes>();

    /// <summary>Takes the topic scoping of the pub/sub components in a Dapr components folder.</summary>
    public LocalSidecarOptions UseTopicScopesOfComponents(string componentsDirectory)
    {
        foreach (var (pubSub, scopes) in ComponentFiles.TopicScopesIn(componentsDirectory))
        {
            TopicScopes[pubSub] = scopes;
        }

        return this;
    }

    /// <summary>Retry and back-off for event delivery to apps.</summary>
    public DeliveryPolicy Delivery { get; set; } = DeliveryPolicy.Default;

    /// <summary>Logging of the sidecar's own web hosts; warnings to the console when not set.</summary>
    public Action<ILoggingBuilder>? ConfigureLogging { get; set; }
}

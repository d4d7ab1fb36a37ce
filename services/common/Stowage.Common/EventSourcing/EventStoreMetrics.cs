using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Stowage.Common.EventSourcing;

/// <summary>The "Stowage.EventStore" meter (the common telemetry set-up exports every "Stowage.*").</summary>
public sealed class EventStoreMetrics
{
    public const string Name = "Stowage.EventStore";

    private readonly ConcurrentDictionary<(string Category, string StreamId), long> unpublished = new();
    private readonly Counter<long> publishFailures;

    public EventStoreMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(Name);
        publishFailures = meter.CreateCounter<long>("stowage.event_store.publish_failures", "{attempt}",
            "Attempts to publish a stream's pending events that failed, by category; they are retried.");
        meter.CreateObservableGauge("stowage.event_store.unpublished_events", ObserveUnpublished, "{event}",
            "Committed events not yet handed to pub/sub, by category, as last seen by this process.");
    }

    internal void Unpublished(string category, string streamId, long count)
    {
        if (count > 0) unpublished[(category, streamId)] = count;
        else unpublished.TryRemove((category, streamId), out _);
    }

    internal void PublishFailed(string category) => publishFailures.Add(1, new KeyValuePair<string, object?>("category", category));

    private IEnumerable<Measurement<long>> ObserveUnpublished() =>
        unpublished.GroupBy(e => e.Key.Category)
            .Select(g => new Measurement<long>(g.Sum(e => e.Value), new KeyValuePair<string, object?>("category", g.Key)));
}

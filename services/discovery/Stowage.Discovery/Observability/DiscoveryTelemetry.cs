using System.Diagnostics;
using System.Diagnostics.Metrics;
using Stowage.Discovery.Runtime;

namespace Stowage.Discovery.Observability;

/// <summary>The "Stowage.Discovery" activity source and meter (the common telemetry set-up exports every "Stowage.*").</summary>
internal sealed class DiscoveryTelemetry
{
    public const string Name = "Stowage.Discovery";

    public static readonly ActivitySource ActivitySource = new(Name);

    public DiscoveryTelemetry(IMeterFactory meters, ApplicationRegistry registry)
    {
        var meter = meters.Create(Name);
        ObjectsSeen = meter.CreateCounter<long>("stowage.discovery.objects_seen", description: "Objects read from lists and watch events, by kind.");
        WatchRestarts = meter.CreateCounter<long>("stowage.discovery.watch_restarts", description: "Watches re-established, by kind and reason.");
        EventsPublished = meter.CreateCounter<long>("stowage.discovery.events_published", description: "Integration events published, by type.");
        meter.CreateObservableGauge("stowage.discovery.applications", () => registry.Count, description: "Applications currently known.");
    }

    public Counter<long> ObjectsSeen { get; }

    public Counter<long> WatchRestarts { get; }

    public Counter<long> EventsPublished { get; }
}

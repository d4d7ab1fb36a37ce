using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Stowage.Discovery.Tests.Watching;
using Stowage.LocalCluster;

namespace Stowage.Discovery.Tests.Observability;

public sealed class DiscoveryTelemetryTests
{
    private const string Name = "Stowage.Discovery";

    [Fact]
    public async Task Discovery_reports_objects_seen_applications_watch_restarts_and_reconcile_traces()
    {
        var measurements = new ConcurrentDictionary<string, long>();
        using var meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == Name)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        meters.SetMeasurementEventCallback<long>((instrument, value, _, _) => measurements.AddOrUpdate(instrument.Name, value, (_, sum) => sum + value));
        // Other tests run hosts at the same time, each with its own gauge: keep the largest reading.
        meters.SetMeasurementEventCallback<int>((instrument, value, _, _) => measurements.AddOrUpdate(instrument.Name, value, (_, seen) => Math.Max(seen, value)));
        meters.Start();
        var reconciles = 0;
        using var traces = new ActivityListener
        {
            ShouldListenTo = source => source.Name == Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity => Interlocked.Increment(ref reconciles),
        };
        ActivitySource.AddActivityListener(traces);
        await using var server = await FakeKubernetesApiServer.StartAsync();
        await server.SeedAsync("cluster-storage.json", "deployment-with-pvc.json");
        await using var discovery = DiscoveryHost.Start(server);
        await discovery.EventsAsync(events => events.Count == 1, "the wiki");

        server.DropWatches();
        await Eventually.TrueAsync(() => measurements.GetValueOrDefault("stowage.discovery.watch_restarts") > 0, "a watch restart to be counted");
        meters.RecordObservableInstruments();

        Assert.True(measurements["stowage.discovery.objects_seen"] > 0);
        Assert.True(measurements["stowage.discovery.applications"] >= 1);
        Assert.True(measurements["stowage.discovery.events_published"] >= 1);
        Assert.True(Volatile.Read(ref reconciles) > 0);
    }
}

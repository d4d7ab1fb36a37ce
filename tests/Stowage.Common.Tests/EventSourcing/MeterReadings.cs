using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Stowage.Common.EventSourcing;

namespace Stowage.Common.Tests.EventSourcing;

/// <summary>What the "Stowage.EventStore" meter of one host reports, apart from the meters of hosts other tests run.</summary>
public sealed class MeterReadings : IDisposable
{
    private readonly MeterListener listener = new();
    private readonly ConcurrentDictionary<string, long> totals = new();
    private readonly ConcurrentDictionary<string, long> latest = new();

    public MeterReadings(IServiceProvider services)
    {
        // The factory hands out one meter per name, so this is the very meter the event store reports on.
        var meter = services.GetRequiredService<IMeterFactory>().Create(EventStoreMetrics.Name);
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter, meter)) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            totals.AddOrUpdate(instrument.Name, value, (_, sum) => sum + value);
            latest[instrument.Name] = value;
        });
        listener.Start();
    }

    /// <summary>The sum of a counter's increments since this reading started.</summary>
    public long Total(string instrument) => totals.GetValueOrDefault(instrument);

    /// <summary>A gauge's value now (0 when it reports no measurement).</summary>
    public long Now(string instrument)
    {
        latest.TryRemove(instrument, out _);
        listener.RecordObservableInstruments();
        return latest.GetValueOrDefault(instrument);
    }

    public void Dispose() => listener.Dispose();
}

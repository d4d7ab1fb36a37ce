using Dapr.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Stowage.Common.EventSourcing;
using Stowage.Common.Messaging;
using Stowage.Contracts;
using Stowage.LocalSidecar.Hosting;
using Stowage.Testing.Dapr;

namespace Stowage.Common.Tests.EventSourcing;

/// <summary>
/// An event store of <see cref="NoteAdded"/> streams as a service would host it, on the local Dapr sidecar, publishing
/// through a <see cref="ControlledEventPublisher"/>, with a subscriber app recording what pub/sub delivered.
/// </summary>
public sealed class EventStoreHarness : IAsyncDisposable
{
    public const string Category = "notes";

    private readonly LocalSidecarHost sidecar;
    private readonly EventStoreOptions options;
    private IHost host;

    private EventStoreHarness(LocalSidecarHost sidecar, EventRecorder recorder, EventStoreOptions options)
    {
        this.sidecar = sidecar;
        this.options = options;
        Recorder = recorder;
        host = Build();
    }

    public EventRecorder Recorder { get; }

    public IServiceProvider Services => host.Services;

    public IEventStore<NoteAdded> Store => Services.GetRequiredService<IEventStore<NoteAdded>>();

    public ControlledEventPublisher Publisher => Services.GetRequiredService<ControlledEventPublisher>();

    public DaprClient Dapr => Services.GetRequiredService<DaprClient>();

    public static async Task<EventStoreHarness> StartAsync(Func<EventStoreOptions, EventStoreOptions>? tune = null)
    {
        var sidecarOptions = new LocalSidecarOptions();
        sidecarOptions.Apps.Add(new LocalSidecarAppOptions("writer", LoopbackPorts.PickUnused()));
        sidecarOptions.Apps.Add(new LocalSidecarAppOptions("recorder", LoopbackPorts.PickUnused()));
        var sidecar = await LocalSidecarHost.StartAsync(sidecarOptions);
        var recorder = await EventRecorder.StartAsync(sidecar.EndpointsOf("recorder").AppPort, DaprComponents.PubSub, [NoteAdded.Topic]);
        var options = new EventStoreOptions(Category, _ => NoteAdded.Topic);
        var harness = new EventStoreHarness(sidecar, recorder, tune?.Invoke(options) ?? options);
        await harness.host.StartAsync();
        return harness;
    }

    /// <summary>Stops the service's host and starts a new one on the same sidecar, as a crash and restart would.</summary>
    public async Task RestartAsync()
    {
        await StopAsync();
        host = Build();
        await host.StartAsync();
    }

    /// <summary>The ids of the events pub/sub delivered to the subscriber, in the order they arrived.</summary>
    public IReadOnlyList<Guid> Delivered() => Recorder.On(NoteAdded.Topic).Select(e => e.GetProperty("eventId").GetGuid()).ToList();

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await Recorder.DisposeAsync();
        await sidecar.DisposeAsync();
    }

    private IHost Build()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(sidecar.EndpointsOf("writer").EnvironmentVariables.Select(e => KeyValuePair.Create(e.Key, (string?)e.Value)));
        builder.Services.AddDaprClient(dapr => dapr.UseJsonSerializationOptions(EventJson.Options));
        builder.Services.AddSingleton(sp => new ControlledEventPublisher(new DaprEventPublisher(sp.GetRequiredService<DaprClient>())));
        builder.Services.AddSingleton<IEventPublisher>(sp => sp.GetRequiredService<ControlledEventPublisher>());
        builder.Services.AddEventStore<NoteAdded>(options);
        return builder.Build();
    }

    private async Task StopAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }
}

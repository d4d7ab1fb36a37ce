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
    private readonly IHost host;

    private EventStoreHarness(LocalSidecarHost sidecar, EventRecorder recorder, IHost host)
    {
        this.sidecar = sidecar;
        this.host = host;
        Recorder = recorder;
    }

    public EventRecorder Recorder { get; }

    public IEventStore<NoteAdded> Store => host.Services.GetRequiredService<IEventStore<NoteAdded>>();

    public ControlledEventPublisher Publisher => host.Services.GetRequiredService<ControlledEventPublisher>();

    public DaprClient Dapr => host.Services.GetRequiredService<DaprClient>();

    public static async Task<EventStoreHarness> StartAsync(Action<IServiceCollection>? configure = null)
    {
        var options = new LocalSidecarOptions();
        options.Apps.Add(new LocalSidecarAppOptions("writer", LoopbackPorts.PickUnused()));
        options.Apps.Add(new LocalSidecarAppOptions("recorder", LoopbackPorts.PickUnused()));
        var sidecar = await LocalSidecarHost.StartAsync(options);
        var recorder = await EventRecorder.StartAsync(sidecar.EndpointsOf("recorder").AppPort, DaprComponents.PubSub, [NoteAdded.Topic]);

        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(sidecar.EndpointsOf("writer").EnvironmentVariables.Select(e => KeyValuePair.Create(e.Key, (string?)e.Value)));
        builder.Services.AddDaprClient(dapr => dapr.UseJsonSerializationOptions(EventJson.Options));
        builder.Services.AddSingleton(sp => new ControlledEventPublisher(new DaprEventPublisher(sp.GetRequiredService<DaprClient>())));
        builder.Services.AddSingleton<IEventPublisher>(sp => sp.GetRequiredService<ControlledEventPublisher>());
        builder.Services.AddEventStore<NoteAdded>(new EventStoreOptions(Category, _ => NoteAdded.Topic));
        configure?.Invoke(builder.Services);
        var host = builder.Build();
        await host.StartAsync();
        return new EventStoreHarness(sidecar, recorder, host);
    }

    /// <summary>The ids of the events pub/sub delivered to the subscriber, in the order they arrived.</summary>
    public IReadOnlyList<Guid> Delivered() => Recorder.On(NoteAdded.Topic).Select(e => e.GetProperty("eventId").GetGuid()).ToList();

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
        await Recorder.DisposeAsync();
        await sidecar.DisposeAsync();
    }
}

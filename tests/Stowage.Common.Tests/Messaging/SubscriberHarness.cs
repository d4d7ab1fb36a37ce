using System.Net.Http.Json;
using Dapr.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Stowage.Common.EventSourcing;
using Stowage.Common.Messaging;
using Stowage.Common.Tests.EventSourcing;
using Stowage.Contracts;
using Stowage.LocalSidecar.Hosting;

namespace Stowage.Common.Tests.Messaging;

/// <summary>A subscriber app with one deduplicated event route, on the local Dapr sidecar, as a Stowage service maps them.</summary>
public sealed class SubscriberHarness : IAsyncDisposable
{
    private readonly LocalSidecarHost sidecar;
    private readonly WebApplication app;

    private SubscriberHarness(LocalSidecarHost sidecar, WebApplication app, HttpClient client)
    {
        this.sidecar = sidecar;
        this.app = app;
        Client = client;
    }

    public NoteHandler Handler => app.Services.GetRequiredService<NoteHandler>();

    public DaprClient Dapr => app.Services.GetRequiredService<DaprClient>();

    /// <summary>Calls the app directly, as a delivery of pub/sub would.</summary>
    public HttpClient Client { get; }

    public static async Task<SubscriberHarness> StartAsync()
    {
        var port = LoopbackPorts.PickUnused();
        var options = new LocalSidecarOptions();
        options.Apps.Add(new LocalSidecarAppOptions("subscriber", port));
        var sidecar = await LocalSidecarHost.StartAsync(options);

        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        foreach (var (key, value) in sidecar.EndpointsOf("subscriber").EnvironmentVariables) builder.Configuration[key] = value;
        builder.Services.AddDaprClient(dapr => dapr.UseJsonSerializationOptions(EventJson.Options));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<NoteHandler>();
        var app = builder.Build();
        app.UseCloudEvents();
        app.MapSubscribeHandler();
        app.MapEventRoutes().MapPost("/notes", (NoteAdded note, NoteHandler handler) => handler.HandleAsync(note))
            .WithTopic(DaprComponents.PubSub, NoteAdded.Topic);
        await app.StartAsync();
        return new SubscriberHarness(sidecar, app, new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") });
    }

    public async Task<HttpResponseMessage> DeliverAsync(NoteAdded note) => await Client.PostAsJsonAsync("/events/notes", note, EventJson.Options);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
        await sidecar.DisposeAsync();
    }
}

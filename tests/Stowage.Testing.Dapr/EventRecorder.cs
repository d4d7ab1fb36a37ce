using System.Collections.Concurrent;
using System.Text.Json;
using Dapr;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Stowage.Testing.Dapr;

/// <summary>
/// A subscriber app that records every event it receives on the given topics, as another Stowage service would
/// receive them: through the sidecar, unwrapped from the CloudEvent by the Dapr SDK.
/// </summary>
public sealed class EventRecorder : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<RecordedEvent> received = new();

    private EventRecorder(WebApplication app) => this.app = app;

    public IReadOnlyList<RecordedEvent> Received => [.. received];

    public static async Task<EventRecorder> StartAsync(int port, string pubSub, IEnumerable<string> topics)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Services.AddDaprClient();
        var app = builder.Build();
        var recorder = new EventRecorder(app);
        app.UseCloudEvents();
        app.MapSubscribeHandler();
        foreach (var topic in topics)
        {
            app.MapPost($"/recorded/{topic}", async (HttpRequest request) =>
            {
                var body = await JsonDocument.ParseAsync(request.Body);
                recorder.received.Enqueue(new RecordedEvent(topic, body.RootElement.Clone()));
                return Results.Ok();
            }).WithTopic(pubSub, topic);
        }
        await app.StartAsync();
        return recorder;
    }

    public IReadOnlyList<JsonElement> On(string topic) => Received.Where(e => e.Topic == topic).Select(e => e.Data).ToList();

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

public sealed record RecordedEvent(string Topic, JsonElement Data);

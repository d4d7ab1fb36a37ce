using System.Collections.Concurrent;
using System.Text.Json;
using Dapr.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Stowage.LocalSidecar.Hosting;

namespace Stowage.LocalSidecar.Tests.PubSub;

public sealed class CloudEventShapeTests : IAsyncLifetime
{
    private readonly ConcurrentQueue<(string ContentType, JsonElement Body)> _bodies = new();
    private LocalSidecarHost _sidecar = null!;
    private TestApp _publisher = null!;
    private TestApp _inspector = null!;

    private DaprClient Dapr => _publisher.Services.GetRequiredService<DaprClient>();

    public async Task InitializeAsync()
    {
        _sidecar = await Sidecars.StartAsync("shop", "inspector");
        _publisher = await TestApp.StartAsync(_sidecar.EndpointsOf("shop"), b => b.Services.AddDaprClient(), _ => { });
        _inspector = await TestApp.StartAsync(_sidecar.EndpointsOf("inspector"), b => b.Services.AddDaprClient(), app =>
        {
            app.MapSubscribeHandler();
            app.MapPost("/seen", async (HttpRequest request) =>
            {
                _bodies.Enqueue((request.ContentType ?? string.Empty, (await JsonDocument.ParseAsync(request.Body)).RootElement.Clone()));
                return Results.Ok();
            }).WithTopic("pubsub", "seen");
        });
        var inspector = _inspector.Services.GetRequiredService<DaprClient>();
        await Eventually.TrueAsync(() => inspector.CheckHealthAsync(), "the inspector's subscriptions are read");
    }

    public async Task DisposeAsync()
    {
        await _inspector.DisposeAsync();
        await _publisher.DisposeAsync();
        await _sidecar.DisposeAsync();
    }

    [Fact]
    public async Task A_published_event_arrives_as_a_cloudevent_like_daprd_builds_it()
    {
        await Dapr.PublishEventAsync("pubsub", "seen", new OrderPlaced("o-9"), new Dictionary<string, string> { ["cloudevent.id"] = "event-9" });

        await Eventually.TrueAsync(() => !_bodies.IsEmpty, "the event arrived");
        var (contentType, cloudEvent) = Assert.Single(_bodies);
        Assert.StartsWith("application/cloudevents+json", contentType);
        Assert.Equal("event-9", cloudEvent.GetProperty("id").GetString());
        Assert.Equal("shop", cloudEvent.GetProperty("source").GetString());
        Assert.Equal("com.dapr.event.sent", cloudEvent.GetProperty("type").GetString());
        Assert.Equal("1.0", cloudEvent.GetProperty("specversion").GetString());
        Assert.Equal("seen", cloudEvent.GetProperty("topic").GetString());
        Assert.Equal("pubsub", cloudEvent.GetProperty("pubsubname").GetString());
        Assert.Equal("application/json", cloudEvent.GetProperty("datacontenttype").GetString());
        Assert.Equal("o-9", cloudEvent.GetProperty("data").GetProperty("orderId").GetString());
    }

    [Fact]
    public async Task A_raw_payload_arrives_as_it_was_published()
    {
        await Dapr.PublishEventAsync("pubsub", "seen", new OrderPlaced("raw-1"), new Dictionary<string, string> { ["rawPayload"] = "true" });

        await Eventually.TrueAsync(() => !_bodies.IsEmpty, "the event arrived");
        var (_, body) = Assert.Single(_bodies);
        Assert.Equal("raw-1", body.GetProperty("orderId").GetString());
        Assert.False(body.TryGetProperty("specversion", out _));
    }
}

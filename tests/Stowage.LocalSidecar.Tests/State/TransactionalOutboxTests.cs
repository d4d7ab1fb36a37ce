using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Dapr;
using Dapr.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Stowage.LocalSidecar.Hosting;

namespace Stowage.LocalSidecar.Tests.State;

public sealed class TransactionalOutboxTests : IAsyncLifetime
{
    private const string Store = "statestore";
    private readonly ConcurrentQueue<JsonElement> _cloudEvents = new();
    private LocalSidecarHost _sidecar = null!;
    private TestApp _writer = null!;
    private TestApp _reader = null!;

    private DaprClient Dapr => _writer.Services.GetRequiredService<DaprClient>();

    public async Task InitializeAsync()
    {
        _sidecar = await Sidecars.StartAsync(o => o.Outboxes[Store] = new OutboxRoute("pubsub", "stowage-outbox"), "writer", "reader");
        _writer = await TestApp.StartAsync(_sidecar.EndpointsOf("writer"), b => b.Services.AddDaprClient(), _ => { });
        _reader = await TestApp.StartAsync(_sidecar.EndpointsOf("reader"), b => b.Services.AddDaprClient(), app =>
        {
            app.MapSubscribeHandler();
            app.MapPost("/outbox", async (HttpRequest request) =>
            {
                _cloudEvents.Enqueue((await JsonDocument.ParseAsync(request.Body)).RootElement.Clone());
                return Results.Ok();
            }).WithTopic("pubsub", "stowage-outbox");
        });
        var reader = _reader.Services.GetRequiredService<DaprClient>();
        await Eventually.TrueAsync(() => reader.CheckHealthAsync(), "the reader's subscriptions are read");
    }

    public async Task DisposeAsync()
    {
        await _reader.DisposeAsync();
        await _writer.DisposeAsync();
        await _sidecar.DisposeAsync();
    }

    [Fact]
    public async Task A_committed_transaction_publishes_its_projection_with_the_given_cloudevent_id()
    {
        await Dapr.ExecuteStateTransactionAsync(Store,
        [
            new("stream-7", Json(new { events = 3 }), StateOperationType.Upsert),
            new("stream-7", Json(new { type = "PolicyCreated" }), StateOperationType.Upsert,
                metadata: new Dictionary<string, string> { ["outbox.projection"] = "true", ["cloudevent.id"] = "stream-7-3" }),
        ]);

        await Eventually.TrueAsync(() => !_cloudEvents.IsEmpty, "the outbox event arrived");
        var cloudEvent = Assert.Single(_cloudEvents);
        Assert.Equal("stream-7-3", cloudEvent.GetProperty("id").GetString());
        Assert.Equal("PolicyCreated", cloudEvent.GetProperty("data").GetProperty("type").GetString());
        Assert.Equal(3, (await Dapr.GetStateAsync<JsonElement>(Store, "stream-7")).GetProperty("events").GetInt32());
    }

    [Fact]
    public async Task A_failed_transaction_publishes_nothing()
    {
        await Dapr.SaveStateAsync(Store, "stream-8", new { events = 1 });
        var (_, staleEtag) = await Dapr.GetStateAndETagAsync<JsonElement>(Store, "stream-8");
        await Dapr.SaveStateAsync(Store, "stream-8", new { events = 2 });

        await Assert.ThrowsAsync<DaprException>(() => Dapr.ExecuteStateTransactionAsync(Store,
            [new("stream-8", Json(new { events = 2 }), StateOperationType.Upsert, staleEtag, new Dictionary<string, string> { ["cloudevent.id"] = "lost" })]));
        await Dapr.ExecuteStateTransactionAsync(Store,
            [new("stream-9", Json(new { events = 1 }), StateOperationType.Upsert, metadata: new Dictionary<string, string> { ["cloudevent.id"] = "marker" })]);

        await Eventually.TrueAsync(() => _cloudEvents.Any(e => e.GetProperty("id").GetString() == "marker"), "the marker arrived");
        Assert.DoesNotContain(_cloudEvents, e => e.GetProperty("id").GetString() == "lost");
    }

    private static byte[] Json(object value) => Encoding.UTF8.GetBytes(JsonSerializer.Serialize(value));
}

using Dapr;
using Dapr.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Stowage.LocalSidecar.Hosting;

namespace Stowage.LocalSidecar.Tests.PubSub;

public sealed class PubSubDeliveryTests : IAsyncLifetime
{
    private const string PubSub = "pubsub";
    private readonly ReceivedEvents _billing = new();
    private readonly ReceivedEvents _audit = new();
    private int _flakyAttempts;
    private LocalSidecarHost _sidecar = null!;
    private readonly List<TestApp> _apps = [];

    private DaprClient Publisher => _apps[0].Services.GetRequiredService<DaprClient>();

    public async Task InitializeAsync()
    {
        _sidecar = await Sidecars.StartAsync("publisher", "billing", "audit");
        _apps.Add(await TestApp.StartAsync(_sidecar.EndpointsOf("publisher"), b => b.Services.AddDaprClient(), _ => { }));
        _apps.Add(await TestApp.StartAsync(_sidecar.EndpointsOf("billing"), b => b.Services.AddDaprClient(), MapBilling));
        _apps.Add(await TestApp.StartAsync(_sidecar.EndpointsOf("audit"), b => b.Services.AddDaprClient(), MapAudit));
        foreach (var app in _apps)
        {
            var client = app.Services.GetRequiredService<DaprClient>();
            await Eventually.TrueAsync(() => client.CheckHealthAsync(), "the sidecar has read the app's subscriptions");
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var app in _apps)
        {
            await app.DisposeAsync();
        }

        await _sidecar.DisposeAsync();
    }

    [Fact]
    public async Task Every_subscribing_app_receives_a_published_event_once()
    {
        await Publisher.PublishEventAsync(PubSub, "orders", new OrderPlaced("o-1"));
        await Eventually.TrueAsync(() => _billing.Of("orders").Contains("o-1") && _audit.Of("orders").Contains("o-1"), "both apps got the event");

        // Deliveries run concurrently, so a marker published after the first event was received shows later traffic is in.
        await Publisher.PublishEventAsync(PubSub, "orders", new OrderPlaced("marker"));
        await Eventually.TrueAsync(() => _billing.Of("orders").Contains("marker") && _audit.Of("orders").Contains("marker"), "both apps got the marker");
        Assert.Single(_billing.Of("orders"), "o-1");
        Assert.Single(_audit.Of("orders"), "o-1");
    }

    [Fact]
    public async Task An_app_answering_500_receives_the_event_again_until_it_succeeds()
    {
        await Publisher.PublishEventAsync(PubSub, "flaky", new OrderPlaced("o-2"));

        await Eventually.TrueAsync(() => _billing.Of("flaky").Count == 1, "the flaky handler accepted the event");
        Assert.Equal(4, Volatile.Read(ref _flakyAttempts));
    }

    [Fact]
    public async Task Status_RETRY_redelivers_and_status_DROP_does_not()
    {
        await Publisher.PublishEventAsync(PubSub, "statuses", new OrderPlaced("retry-me"));
        await Publisher.PublishEventAsync(PubSub, "statuses", new OrderPlaced("drop-me"));
        await Eventually.TrueAsync(() => _billing.Of("statuses").Count(p => p == "retry-me") >= 2, "the RETRY event came back");
        await Eventually.TrueAsync(() => _billing.Of("statuses").Contains("drop-me"), "the DROP event arrived");

        await Publisher.PublishEventAsync(PubSub, "statuses", new OrderPlaced("marker"));
        await Eventually.TrueAsync(() => _billing.Of("statuses").Contains("marker"), "the marker arrived");
        Assert.Equal(2, _billing.Of("statuses").Count(p => p == "retry-me"));
        Assert.Single(_billing.Of("statuses"), "drop-me");
    }

    [Fact]
    public async Task An_event_that_keeps_failing_goes_to_the_dead_letter_topic()
    {
        await Publisher.PublishEventAsync(PubSub, "payments", new OrderPlaced("poison"));

        await Eventually.TrueAsync(() => _audit.Of("payments-dead").Contains("poison"), "the poison event was dead-lettered");
        Assert.Equal(8, _audit.Of("payments").Count);
    }

    private void MapBilling(WebApplication app)
    {
        app.UseCloudEvents();
        app.MapSubscribeHandler();
        app.MapPost("/orders", (OrderPlaced e) => { _billing.Add("orders", e.OrderId); return Results.Ok(); }).WithTopic(PubSub, "orders");
        app.MapPost("/flaky", (OrderPlaced e) =>
        {
            if (Interlocked.Increment(ref _flakyAttempts) <= 3)
            {
                return Results.StatusCode(500);
            }

            _billing.Add("flaky", e.OrderId);
            return Results.Ok();
        }).WithTopic(PubSub, "flaky");
        app.MapPost("/statuses", (OrderPlaced e) =>
        {
            _billing.Add("statuses", e.OrderId);
            var retried = e.OrderId == "retry-me" && _billing.Of("statuses").Count(p => p == "retry-me") == 1;
            return Results.Json(new { status = retried ? "RETRY" : e.OrderId == "drop-me" ? "DROP" : "SUCCESS" });
        }).WithTopic(PubSub, "statuses");
    }

    private void MapAudit(WebApplication app)
    {
        app.UseCloudEvents();
        app.MapSubscribeHandler();
        app.MapPost("/orders", (OrderPlaced e) => { _audit.Add("orders", e.OrderId); return Results.Ok(); }).WithTopic(PubSub, "orders");
        app.MapPost("/payments", (OrderPlaced e) => { _audit.Add("payments", e.OrderId); return Results.StatusCode(503); })
            .WithTopic(new TopicOptions { PubsubName = PubSub, Name = "payments", DeadLetterTopic = "payments-dead" });
        app.MapPost("/payments-dead", (OrderPlaced e) => { _audit.Add("payments-dead", e.OrderId); return Results.Ok(); })
            .WithTopic(PubSub, "payments-dead");
    }
}

using Dapr;
using Dapr.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Stowage.LocalSidecar.Tests.PubSub;

public sealed class RoutingRuleTests
{
    private readonly ReceivedEvents _received = new();

    [Fact]
    public async Task Events_go_to_the_route_whose_rule_matches_their_type_and_otherwise_to_the_default_route()
    {
        await using var sidecar = await Sidecars.StartAsync("producer", "router");
        await using var producer = await TestApp.StartAsync(sidecar.EndpointsOf("producer"), b => b.Services.AddDaprClient(), _ => { });
        await using var router = await TestApp.StartAsync(sidecar.EndpointsOf("router"), b => b.Services.AddDaprClient(), app =>
        {
            app.UseCloudEvents();
            app.MapSubscribeHandler();
            app.MapPost("/created", (OrderPlaced e) => { _received.Add("created", e.OrderId); return Results.Ok(); })
                .WithTopic(new TopicOptions { PubsubName = "pubsub", Name = "policy-events", Match = "event.type == \"PolicyCreated\"", Priority = 1 });
            app.MapPost("/other", (OrderPlaced e) => { _received.Add("other", e.OrderId); return Results.Ok(); })
                .WithTopic("pubsub", "policy-events");
        });
        var routerClient = router.Services.GetRequiredService<DaprClient>();
        await Eventually.TrueAsync(() => routerClient.CheckHealthAsync(), "the router's subscriptions are read");
        var dapr = producer.Services.GetRequiredService<DaprClient>();

        await dapr.PublishEventAsync("pubsub", "policy-events", new OrderPlaced("p-1"), new Dictionary<string, string> { ["cloudevent.type"] = "PolicyCreated" });
        await dapr.PublishEventAsync("pubsub", "policy-events", new OrderPlaced("p-2"), new Dictionary<string, string> { ["cloudevent.type"] = "PolicyDeleted" });

        await Eventually.TrueAsync(() => _received.Of("created").Count + _received.Of("other").Count == 2, "both events arrived");
        Assert.Equal(["p-1"], _received.Of("created"));
        Assert.Equal(["p-2"], _received.Of("other"));
    }
}

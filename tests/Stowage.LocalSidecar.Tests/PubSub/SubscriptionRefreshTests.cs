using Dapr.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Stowage.LocalSidecar.Tests.PubSub;

public sealed class SubscriptionRefreshTests
{
    private readonly ReceivedEvents _received = new();

    [Fact]
    public async Task An_app_restarted_with_a_new_subscription_receives_that_topic_without_a_sidecar_restart()
    {
        await using var sidecar = await Sidecars.StartAsync("publisher", "worker");
        await using var publisher = await TestApp.StartAsync(sidecar.EndpointsOf("publisher"), b => b.Services.AddDaprClient(), _ => { });
        await using (var firstVersion = await StartWorkerAsync(sidecar, "old-topic"))
        {
            var client = firstVersion.Services.GetRequiredService<DaprClient>();
            await Eventually.TrueAsync(() => client.CheckHealthAsync(), "the first version's subscriptions are read");
        }

        await using var secondVersion = await StartWorkerAsync(sidecar, "new-topic");
        var dapr = publisher.Services.GetRequiredService<DaprClient>();
        var probe = 0;
        await Eventually.TrueAsync(async () =>
        {
            await dapr.PublishEventAsync("pubsub", "new-topic", new OrderPlaced($"probe-{++probe}"));
            return _received.Of("new-topic").Count > 0;
        }, "the new subscription is used");
    }

    private Task<TestApp> StartWorkerAsync(Stowage.LocalSidecar.Hosting.LocalSidecarHost sidecar, string topic) =>
        TestApp.StartAsync(sidecar.EndpointsOf("worker"), b => b.Services.AddDaprClient(), app =>
        {
            app.UseCloudEvents();
            app.MapSubscribeHandler();
            app.MapPost($"/{topic}", (OrderPlaced e) => { _received.Add(topic, e.OrderId); return Results.Ok(); }).WithTopic("pubsub", topic);
        });
}

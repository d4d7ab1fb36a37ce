using Dapr.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Stowage.LocalSidecar.Hosting;

namespace Stowage.LocalSidecar.Tests.PubSub;

public sealed class DurablePubSubTests
{
    private readonly ReceivedEvents _received = new();
    private readonly int _publisherPort = LoopbackPorts.PickUnused();
    private readonly int _subscriberPort = LoopbackPorts.PickUnused();
    private readonly string _path = Path.Combine(Directory.CreateTempSubdirectory("local-sidecar-pubsub-").FullName, "sidecar.db");

    [Fact]
    public async Task An_event_published_while_its_subscriber_is_down_is_delivered_after_sidecar_and_subscriber_restart()
    {
        await using (var first = await StartSidecarAsync())
        {
            await using (var subscriber = await StartSubscriberAsync(first))
            {
                var client = subscriber.Services.GetRequiredService<DaprClient>();
                await Eventually.TrueAsync(() => client.CheckHealthAsync(), "the sidecar has read the subscriptions");
            }

            await using var publisher = await TestApp.StartAsync(first.EndpointsOf("publisher"), b => b.Services.AddDaprClient(), _ => { });
            await publisher.Services.GetRequiredService<DaprClient>().PublishEventAsync("pubsub", "jobs", new OrderPlaced("kept"));
        }

        Assert.Empty(_received.Of("jobs"));
        await using var second = await StartSidecarAsync();
        await using var restarted = await StartSubscriberAsync(second);

        await Eventually.TrueAsync(() => _received.Of("jobs").Contains("kept"), "the kept event arrived");
        Assert.Single(_received.Of("jobs"));
    }

    private Task<LocalSidecarHost> StartSidecarAsync()
    {
        var options = new LocalSidecarOptions { SqlitePath = _path, ConfigureLogging = _ => { } };
        options.Apps.Add(new LocalSidecarAppOptions("publisher", _publisherPort));
        options.Apps.Add(new LocalSidecarAppOptions("subscriber", _subscriberPort));
        return LocalSidecarHost.StartAsync(options);
    }

    private Task<TestApp> StartSubscriberAsync(LocalSidecarHost sidecar) =>
        TestApp.StartAsync(sidecar.EndpointsOf("subscriber"), b => b.Services.AddDaprClient(), app =>
        {
            app.UseCloudEvents();
            app.MapSubscribeHandler();
            app.MapPost("/jobs", (OrderPlaced e) => { _received.Add("jobs", e.OrderId); return Results.Ok(); }).WithTopic("pubsub", "jobs");
        });
}

using System.Collections.Concurrent;
using Dapr;
using Dapr.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Stowage.LocalSidecar.Hosting;
using Stowage.LocalSidecar.Tests.PubSub;

namespace Stowage.LocalSidecar.Tests.Security;

/// With APP_API_TOKEN set, daprd sends it in the dapr-api-token header of every call to its app; so does the local sidecar.
public sealed class AppTokenTests
{
    [Fact]
    public async Task Every_call_to_the_app_carries_its_app_token()
    {
        var seen = new ConcurrentQueue<(string Path, string? Token)>();
        await using var sidecar = await Sidecars.StartAsync("publisher", "subscriber");
        await using var publisher = await TestApp.StartAsync(sidecar.EndpointsOf("publisher"), b => b.Services.AddDaprClient(), _ => { });
        await using var subscriber = await TestApp.StartAsync(sidecar.EndpointsOf("subscriber"), b => b.Services.AddDaprClient(), web =>
        {
            web.Use((context, next) =>
            {
                seen.Enqueue((context.Request.Path, context.Request.Headers[SidecarTokens.HeaderName].FirstOrDefault()));
                return next(context);
            });
            web.UseCloudEvents();
            web.MapSubscribeHandler();
            web.MapPost("/orders", (OrderPlaced _) => Results.Ok()).WithTopic("pubsub", "orders");
        });
        var dapr = publisher.Services.GetRequiredService<DaprClient>();

        await Eventually.TrueAsync(() => Task.FromResult(seen.Any(s => s.Path == "/dapr/subscribe")), "the sidecar read the subscriptions");
        await dapr.PublishEventAsync("pubsub", "orders", new OrderPlaced("o-1"));
        await Eventually.TrueAsync(() => Task.FromResult(seen.Any(s => s.Path == "/orders")), "the event was delivered");

        var expected = sidecar.EndpointsOf("subscriber").Tokens!.AppToken;
        Assert.NotNull(expected);
        Assert.NotEqual(expected, sidecar.EndpointsOf("publisher").Tokens!.AppToken);
        Assert.All(seen, call => Assert.Equal(expected, call.Token));
    }

    [Fact]
    public async Task Without_an_app_token_the_sidecar_sends_no_header()
    {
        var seen = new ConcurrentQueue<string?>();
        await using var sidecar = await Sidecars.StartAsync(
            options => options.Apps[0] = options.Apps[0] with { Tokens = SidecarTokens.None }, "plain");
        await using var app = await TestApp.StartAsync(sidecar.EndpointsOf("plain"), b => b.Services.AddDaprClient(), web =>
        {
            web.MapGet("/dapr/subscribe", (HttpRequest request) =>
            {
                seen.Enqueue(request.Headers[SidecarTokens.HeaderName].FirstOrDefault());
                return Results.Json(Array.Empty<object>());
            });
        });

        await Eventually.TrueAsync(() => Task.FromResult(!seen.IsEmpty), "the sidecar read the subscriptions");

        Assert.All(seen, Assert.Null);
        Assert.DoesNotContain(SidecarTokens.ApiTokenVariable, sidecar.EndpointsOf("plain").EnvironmentVariables.Keys);
    }
}

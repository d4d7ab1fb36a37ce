using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapr;
using Dapr.Client;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Stowage.LocalSidecar.Hosting;
using Stowage.LocalSidecar.PubSub;

namespace Stowage.LocalSidecar.Tests.PubSub;

/// <summary>
/// The sidecar honours a pub/sub component's topic scoping as daprd does: "commands" is protected, only "operator" may
/// publish it and only "worker" receive it; "operator" may publish nothing else; "intruder", listed nowhere, may publish
/// every unprotected topic.
/// </summary>
public sealed class TopicScopeTests : IAsyncLifetime
{
    private const string PubSub = "pubsub";
    private readonly ReceivedEvents _worker = new();
    private readonly ReceivedEvents _bystander = new();
    private LocalSidecarHost _sidecar = null!;
    private readonly List<TestApp> _apps = [];

    public async Task InitializeAsync()
    {
        var scopes = TopicScopes.FromMetadata(new Dictionary<string, string>
        {
            [TopicScopes.ProtectedTopicsKey] = "commands",
            [TopicScopes.PublishingScopesKey] = "operator=commands; worker=",
            [TopicScopes.SubscriptionScopesKey] = "worker=commands,orders",
        });
        _sidecar = await Sidecars.StartAsync(o => o.TopicScopes[PubSub] = scopes, "operator", "intruder", "worker", "bystander");
        _apps.Add(await TestApp.StartAsync(_sidecar.EndpointsOf("worker"), b => b.Services.AddDaprClient(), app => Subscribe(app, _worker)));
        _apps.Add(await TestApp.StartAsync(_sidecar.EndpointsOf("bystander"), b => b.Services.AddDaprClient(), app => Subscribe(app, _bystander)));
        foreach (var app in _apps)
        {
            await Eventually.TrueAsync(() => app.Services.GetRequiredService<DaprClient>().CheckHealthAsync(), "the sidecar has read the app's subscriptions");
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
    public async Task Only_a_granted_app_publishes_a_protected_topic_and_only_a_granted_subscriber_receives_it()
    {
        using var intruder = Client("intruder");
        var refused = await Assert.ThrowsAsync<DaprException>(() => intruder.PublishEventAsync(PubSub, "commands", new OrderPlaced("forged")));
        var status = Assert.IsType<RpcException>(refused.InnerException);
        Assert.Equal(StatusCode.PermissionDenied, status.StatusCode);
        Assert.Equal("topic commands is not allowed for app id intruder", status.Status.Detail);

        using var operatorApp = Client("operator");
        await operatorApp.PublishEventAsync(PubSub, "commands", new OrderPlaced("c-1"));
        await Eventually.TrueAsync(() => _worker.Of("commands").Contains("c-1"), "the worker got the command");

        // A marker on an open topic, published after the command, shows the bystander has had its chance at the command.
        await intruder.PublishEventAsync(PubSub, "orders", new OrderPlaced("marker"));
        await Eventually.TrueAsync(() => _bystander.Of("orders").Contains("marker") && _worker.Of("orders").Contains("marker"), "both got the marker");
        Assert.Empty(_bystander.Of("commands"));
        Assert.Equal(["c-1"], _worker.Of("commands"));
    }

    [Fact]
    public async Task An_app_listed_in_publishing_scopes_publishes_only_its_topics_and_an_empty_list_allows_none()
    {
        using var operatorApp = Client("operator");
        var refused = await Assert.ThrowsAsync<DaprException>(() => operatorApp.PublishEventAsync(PubSub, "orders", new OrderPlaced("o-1")));
        Assert.Equal(StatusCode.PermissionDenied, Assert.IsType<RpcException>(refused.InnerException).StatusCode);

        using var worker = Client("worker");
        var none = await Assert.ThrowsAsync<DaprException>(() => worker.PublishEventAsync(PubSub, "orders", new OrderPlaced("o-2")));
        Assert.Equal("topic orders is not allowed for app id worker", Assert.IsType<RpcException>(none.InnerException).Status.Detail);
    }

    [Fact]
    public async Task The_http_publish_api_refuses_with_daprds_error_code_and_403_and_publishes_with_204()
    {
        using var http = new HttpClient();
        using var refused = await PublishOverHttpAsync(http, "intruder", "commands", "forged");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var error = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("ERR_PUBSUB_FORBIDDEN", error.GetProperty("errorCode").GetString());
        Assert.Equal("topic commands is not allowed for app id intruder", error.GetProperty("message").GetString());

        using var published = await PublishOverHttpAsync(http, "operator", "commands", "c-2");
        Assert.Equal(HttpStatusCode.NoContent, published.StatusCode);
        await Eventually.TrueAsync(() => _worker.Of("commands").Contains("c-2"), "the worker got the command published over HTTP");
        Assert.DoesNotContain("forged", _worker.Of("commands"));
    }

    private Task<HttpResponseMessage> PublishOverHttpAsync(HttpClient http, string appId, string topic, string orderId)
    {
        var sidecar = _sidecar.EndpointsOf(appId);
        var request = new HttpRequestMessage(HttpMethod.Post, $"{sidecar.HttpEndpoint}/v1.0/publish/{PubSub}/{topic}")
        {
            Content = JsonContent.Create(new OrderPlaced(orderId), options: new JsonSerializerOptions(JsonSerializerDefaults.Web)),
        };
        if (sidecar.Tokens?.ApiToken is { } token)
        {
            request.Headers.Add(SidecarTokens.HeaderName, token);
        }

        return http.SendAsync(request);
    }

    private DaprClient Client(string appId)
    {
        var sidecar = _sidecar.EndpointsOf(appId);
        var builder = new DaprClientBuilder().UseGrpcEndpoint(sidecar.GrpcEndpoint).UseHttpEndpoint(sidecar.HttpEndpoint);
        if (sidecar.Tokens?.ApiToken is { } token)
        {
            builder.UseDaprApiToken(token);
        }

        return builder.Build();
    }

    private static void Subscribe(WebApplication app, ReceivedEvents received)
    {
        app.UseCloudEvents();
        app.MapSubscribeHandler();
        app.MapPost("/commands", (OrderPlaced e) => { received.Add("commands", e.OrderId); return Results.Ok(); }).WithTopic(PubSub, "commands");
        app.MapPost("/orders", (OrderPlaced e) => { received.Add("orders", e.OrderId); return Results.Ok(); }).WithTopic(PubSub, "orders");
    }
}

using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Stowage.LocalSidecar.Hosting;
using Xunit;

namespace Stowage.Testing.Hosting;

/// <summary>
/// What every Stowage service host promises, checked against the real host: it starts, answers its
/// liveness probe, reports readiness honestly, serves its OpenAPI document and tells Dapr its subscriptions.
/// A test class per service derives from this with the service's Program type.
/// </summary>
public abstract class ServiceHostContract<TEntryPoint>(WebApplicationFactory<TEntryPoint> factory)
    : IClassFixture<WebApplicationFactory<TEntryPoint>>
    where TEntryPoint : class
{
    protected abstract string ServiceName { get; }

    [Fact]
    public async Task Host_starts_and_answers_liveness_probe()
    {
        using var response = await factory.CreateClient().GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Readiness_reports_the_unreachable_dapr_sidecar_by_name()
    {
        // No sidecar runs beside this host, so it must say it is not ready, and why.
        using var response = await factory.CreateClient().GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        using var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Unhealthy", report.RootElement.GetProperty("checks").GetProperty("dapr-sidecar").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Serves_an_openapi_document_naming_the_service()
    {
        using var response = await factory.CreateClient().GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.StartsWith("3.", document.RootElement.GetProperty("openapi").GetString());
        Assert.Contains(ServiceName, document.RootElement.GetProperty("info").GetProperty("title").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The (pub/sub component, topic) pairs the service subscribes to; empty when it subscribes to none.</summary>
    protected abstract IReadOnlyCollection<(string PubSub, string Topic)> Subscriptions { get; }

    /// <summary>
    /// An app id that subscriptionScopes lists receives only the topics listed for it, and a protected topic reaches only
    /// app ids granted it, so a topic the service subscribes to but the component does not grant would never arrive.
    /// </summary>
    [Fact]
    public void The_pub_sub_components_topic_scoping_lets_the_service_receive_every_topic_it_subscribes_to()
    {
        var appId = "stowage-" + ServiceName["Stowage.".Length..].ToLowerInvariant();
        var scopes = new LocalSidecarOptions().UseTopicScopesOfComponents(ComponentsDirectory()).TopicScopes;
        var refused = Subscriptions.Where(s => scopes.TryGetValue(s.PubSub, out var scoped) && !scoped.MaySubscribe(appId, s.Topic)).ToList();
        Assert.True(refused.Count == 0, $"components/ does not let {appId} receive: {string.Join(", ", refused.Select(s => $"{s.PubSub}/{s.Topic}"))}");
    }

    private static string ComponentsDirectory()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Stowage.slnx"))) directory = directory.Parent;
        return Path.Combine(directory?.FullName ?? throw new InvalidOperationException("Stowage.slnx not found"), "components");
    }

    [Fact]
    public async Task Dapr_subscription_endpoint_lists_exactly_the_service_topics_each_with_a_route()
    {
        using var response = await factory.CreateClient().GetAsync("/dapr/subscribe");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var served = document.RootElement.EnumerateArray().ToList();

        Assert.Equal(Subscriptions.Order(), served.Select(s => (Text(s, "pubsubname")!, Text(s, "topic")!)).Order());
        // Each route must be an endpoint the host maps for POST, or Dapr's deliveries would get a 404.
        var posts = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("POST") == true)
            .Select(e => e.RoutePattern.RawText?.Trim('/')).ToHashSet();
        Assert.All(served, s => Assert.Contains((Text(s, "route") ?? (Property(s, "routes") is { } routes ? Text(routes, "default") : null))?.Trim('/'), posts));
    }

    [Fact]
    public async Task With_an_app_token_only_the_sidecar_reaches_the_dapr_and_event_routes_and_health_stays_open()
    {
        var token = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));
        await using var guarded = factory.WithWebHostBuilder(web => web.UseSetting("APP_API_TOKEN", token));
        using var client = guarded.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        foreach (var presented in new[] { null, "not-" + token, token[..^1] })
        {
            using var subscribe = await SendAsync(client, HttpMethod.Get, "/dapr/subscribe", presented);
            await AssertRefusedAsync(subscribe, token);
            foreach (var route in await RoutesAsync(client, token))
            {
                using var forged = await SendAsync(client, HttpMethod.Post, route, presented, """{"eventId":"6c1f0b1e-0000-4000-8000-000000000001"}""");
                await AssertRefusedAsync(forged, token);
            }
        }
    }

    private async Task<List<string>> RoutesAsync(HttpClient client, string token)
    {
        using var response = await SendAsync(client, HttpMethod.Get, "/dapr/subscribe", token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var routes = document.RootElement.EnumerateArray()
            .Select(s => Text(s, "route") ?? (Property(s, "routes") is { } r ? Text(r, "default") : null))
            .OfType<string>().Select(r => "/" + r.TrimStart('/')).ToList();
        Assert.Equal(Subscriptions.Count, routes.Count);
        return routes;
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string? token, string? json = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (token is not null) request.Headers.Add("dapr-api-token", token);
        if (json is not null) request.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/cloudevents+json");
        return client.SendAsync(request);
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response, string token)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain(token, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>Dapr reads these names in any case (the SDK writes pubsubName, the docs pubsubname).</summary>
    private static JsonElement? Property(JsonElement element, string name) =>
        element.EnumerateObject().Where(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(p => (JsonElement?)p.Value).FirstOrDefault();

    private static string? Text(JsonElement element, string name) => Property(element, name)?.GetString();
}

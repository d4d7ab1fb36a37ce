using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit;

namespace Stowage.Testing.Hosting;

/// <summary>
/// What every Stowage service host promises, checked against the real host: it starts, answers its
/// liveness probe, reports readiness honestly and serves its OpenAPI document.
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

    [Fact]
    public async Task Dapr_subscription_endpoint_answers_with_a_json_array()
    {
        using var response = await factory.CreateClient().GetAsync("/dapr/subscribe");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(JsonValueKind.Array, document.RootElement.ValueKind);
    }
}

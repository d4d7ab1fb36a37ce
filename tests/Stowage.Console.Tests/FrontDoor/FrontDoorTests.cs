using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Stowage.Common.Access;
using Stowage.Console.Access;
using Stowage.Console.FrontDoor;
using Stowage.Console.Services;
using Stowage.Contracts;
using Stowage.LocalSidecar.Hosting;

namespace Stowage.Console.Tests.FrontDoor;

public sealed class FrontDoorTests(FrontDoorFixture fixture) : IClassFixture<FrontDoorFixture>
{
    [Theory]
    [InlineData("GET", "/policies", "?namespace=shop&status=Active", AppIds.Policy)]
    [InlineData("POST", "/policies/p-1/pause", "", AppIds.Policy)]
    [InlineData("GET", "/suggestions", "", AppIds.Policy)]
    [InlineData("POST", "/targets/check", "", AppIds.Policy)]
    [InlineData("GET", "/applications/shop/orders-db", "", AppIds.Discovery)]
    [InlineData("GET", "/discovery/status", "", AppIds.Discovery)]
    [InlineData("POST", "/schedules/p-1/run-now", "", AppIds.Scheduler)]
    [InlineData("GET", "/runs/r-1", "", AppIds.Mover)]
    [InlineData("POST", "/backups/list", "", AppIds.Restore)]
    [InlineData("GET", "/restores/x-1", "", AppIds.Restore)]
    public async Task A_request_reaches_its_service_through_the_sidecar_with_the_callers_authorization_unchanged(string method, string path, string query, string appId)
    {
        using var client = fixture.Console.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), path + query);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "eyJhbGciOi.caller-token.sig");
        // Neither may steer the call: daprd reads dapr-app-id before the path, and the sidecar token is the console's.
        request.Headers.Add("dapr-app-id", AppIds.Mover == appId ? AppIds.Policy : AppIds.Mover);
        request.Headers.Add(SidecarTokens.HeaderName, "forged");
        if (method == "POST") request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var echo = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var seen = echo.RootElement;
        Assert.Equal(appId, seen.GetProperty("appId").GetString());
        Assert.Equal((method, path, query), (seen.GetProperty("method").GetString(), seen.GetProperty("path").GetString(), seen.GetProperty("query").GetString()));
        Assert.Equal("Bearer eyJhbGciOi.caller-token.sig", seen.GetProperty("authorization").GetString());
        Assert.Equal(fixture.Sidecar.EndpointsOf(appId).Tokens!.AppToken, seen.GetProperty("daprApiToken").GetString());
    }

    [Theory]
    [InlineData("GET", "/dapr/subscribe")]
    [InlineData("POST", "/events/backup-finished")]
    [InlineData("POST", "/admin/projections/rebuild")]
    [InlineData("GET", "/v1.0/invoke/stowage-policy/method/admin/projections/rebuild")]
    [InlineData("GET", "/healthz/../policies/../admin")]
    public async Task Sidecar_only_and_admin_routes_are_not_forwarded(string method, string path)
    {
        using var client = fixture.Console.CreateClient();
        var before = fixture.Received.Count;

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(before, fixture.Received.Count);
    }

    [Fact]
    public async Task One_openapi_document_holds_every_services_forwarded_paths_and_the_consoles_own_api_and_nothing_else()
    {
        using var client = fixture.Console.CreateClient();
        using var own = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var consoleApi = own.RootElement.GetProperty("paths").EnumerateObject().Where(p => p.Name.StartsWith(FrontDoorRoutes.ConsoleApi + "/", StringComparison.Ordinal)).ToList();

        using var response = await client.GetAsync(FrontDoorDocument.Path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Warning"));
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var paths = document.RootElement.GetProperty("paths");
        Assert.Contains(consoleApi, p => p.Name == "/api/protection/{namespace}/{name}");
        Assert.Equal(FrontDoorRoutes.All.Select(r => r.Prefix).Concat(consoleApi.Select(p => p.Name)).Order(), paths.EnumerateObject().Select(p => p.Name).Order());
        Assert.All(consoleApi, p => Assert.Equal(p.Value.EnumerateObject().Select(o => o.Name), paths.GetProperty(p.Name).EnumerateObject().Select(o => o.Name)));
        Assert.Equal("Stowage API", document.RootElement.GetProperty("info").GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("Policy", AppIds.Policy)]
    [InlineData("Scheduler", AppIds.Scheduler)]
    [InlineData("Mover", AppIds.Mover)]
    [InlineData("Restore", AppIds.Restore)]
    public async Task The_consoles_own_calls_go_through_its_sidecar_with_the_viewers_token(string service, string appId)
    {
        _ = fixture.Console.Server;
        var services = fixture.Console.Services.GetRequiredService<StowageServices>();
        var viewer = new Viewer(new Caller("ana", null, [], new Dictionary<string, IReadOnlyList<string>>()), "viewer-token");

        var answer = await services.SendAsync(service, HttpMethod.Get, "/runs/r-9?x=1", viewer, null, CancellationToken.None);

        Assert.Equal(200, answer.Status);
        Assert.Equal(appId, answer.Body.GetProperty("appId").GetString());
        Assert.Equal(("/runs/r-9", "?x=1"), (answer.Body.GetProperty("path").GetString(), answer.Body.GetProperty("query").GetString()));
        Assert.Equal("Bearer viewer-token", answer.Body.GetProperty("authorization").GetString());
    }
}

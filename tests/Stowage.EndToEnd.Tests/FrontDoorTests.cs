using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Stowage.Local;

namespace Stowage.EndToEnd.Tests;

/// <summary>
/// The five services and the console as processes on the local sidecar: the console's address is the one way in. Every
/// operation of every service's own OpenAPI document, and of the console's own /api, is in the front door's, and a call
/// to each service reaches it.
/// </summary>
public sealed class FrontDoorTests(FrontDoorTests.Installation fixture) : IClassFixture<FrontDoorTests.Installation>
{
    private readonly LocalInstallation installation = fixture.Value;

    /// <summary>One installation for the class: these tests only read.</summary>
    public sealed class Installation : IAsyncLifetime
    {
        public LocalInstallation Value { get; private set; } = null!;

        public async Task InitializeAsync() => Value = await LocalInstallation.StartAsync(LocalInstallation.WithConsole, new Dictionary<string, string>());

        public async Task DisposeAsync() => await Value.DisposeAsync();
    }

    [Fact]
    public async Task The_front_doors_openapi_document_holds_every_operation_of_every_service()
    {
        using var api = installation.ApiClient();
        using var merged = JsonDocument.Parse(await api.GetStringAsync("/openapi/stowage.json"));
        var offered = Operations(merged.RootElement).ToHashSet();

        foreach (var service in LocalInstallation.AllServices)
        {
            using var client = installation.Client(service);
            using var own = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
            var operations = Operations(own.RootElement).Where(o => !o.Path.StartsWith("/admin/", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(operations);
            Assert.All(operations, operation => Assert.Contains(operation, offered));
        }

        // The console answers its own API at the same address: its /api operations are in the document too.
        using var console = JsonDocument.Parse(await api.GetStringAsync("/openapi/v1.json"));
        var consoleApi = Operations(console.RootElement).Where(o => o.Path.StartsWith("/api/", StringComparison.Ordinal)).ToList();
        Assert.Contains(("/api/protection", "get"), consoleApi);
        Assert.All(consoleApi, operation => Assert.Contains(operation, offered));
        Assert.DoesNotContain(offered, o => o.Path.StartsWith("/admin/", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("policy", "GET", "/policies", HttpStatusCode.OK)]
    [InlineData("policy", "GET", "/suggestions", HttpStatusCode.OK)]
    [InlineData("policy", "POST", "/targets/check", HttpStatusCode.BadRequest)]
    [InlineData("discovery", "GET", "/applications", HttpStatusCode.OK)]
    [InlineData("discovery", "GET", "/discovery/status", HttpStatusCode.OK)]
    [InlineData("scheduler", "GET", "/schedules/no-such-policy", HttpStatusCode.NotFound)]
    [InlineData("mover", "GET", "/runs", HttpStatusCode.OK)]
    [InlineData("restore", "POST", "/backups/list", HttpStatusCode.BadRequest)]
    [InlineData("restore", "GET", "/restores/no-such-restore", HttpStatusCode.NotFound)]
    public async Task Each_services_answer_comes_back_through_the_front_door_as_the_service_gave_it(string service, string method, string path, HttpStatusCode status)
    {
        using var direct = installation.Client(service);
        using var api = installation.ApiClient();
        HttpRequestMessage Request() => new(new HttpMethod(method), path) { Content = method == "POST" ? JsonContent.Create(new { }) : null };

        using var answer = await direct.SendAsync(Request());
        using var proxied = await api.SendAsync(Request());

        Assert.Equal(status, answer.StatusCode);
        Assert.Equal(answer.StatusCode, proxied.StatusCode);
        Assert.Equal(answer.Content.Headers.ContentType?.MediaType, proxied.Content.Headers.ContentType?.MediaType);
        if (status != HttpStatusCode.OK) Assert.Equal(await Fields(answer), await Fields(proxied));
    }

    // A problem's title and field names (its trace id differs per call).
    private static async Task<string> Fields(HttpResponseMessage response)
    {
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = problem.RootElement.TryGetProperty("errors", out var e) ? string.Join(",", e.EnumerateObject().Select(p => p.Name)) : "";
        return $"{problem.RootElement.GetProperty("title").GetString()} [{errors}]";
    }

    private static IEnumerable<(string Path, string Method)> Operations(JsonElement document) =>
        document.GetProperty("paths").EnumerateObject().SelectMany(path => path.Value.EnumerateObject().Select(method => (path.Name, method.Name)));
}

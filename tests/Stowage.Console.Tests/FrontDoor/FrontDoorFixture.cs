extern alias console;

using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;
using Stowage.Console.FrontDoor;
using Stowage.Contracts;
using Stowage.LocalSidecar.Hosting;

namespace Stowage.Console.Tests.FrontDoor;

/// <summary>
/// The console in front of a real local Dapr sidecar whose five service app ids are each served by an app that answers
/// every call with what it received (and a small OpenAPI document of its own), so a test sees exactly what arrived where.
/// </summary>
public sealed class FrontDoorFixture : IAsyncLifetime
{
    private readonly List<WebApplication> services = [];

    public LocalSidecarHost Sidecar { get; private set; } = null!;

    public WebApplicationFactory<console::Program> Console { get; private set; } = null!;

    /// <summary>Every call a service received: its app id, method and path.</summary>
    public ConcurrentQueue<(string AppId, string Method, string Path)> Received { get; } = new();

    public async Task InitializeAsync()
    {
        var options = new LocalSidecarOptions { ConfigureLogging = logging => logging.SetMinimumLevel(LogLevel.Critical) };
        foreach (var appId in FrontDoorRoutes.Services.Append(AppIds.Console)) options.Apps.Add(new LocalSidecarAppOptions(appId, LoopbackPorts.PickUnused()));
        Sidecar = await LocalSidecarHost.StartAsync(options);
        foreach (var appId in FrontDoorRoutes.Services) services.Add(await StartEchoAsync(Sidecar.EndpointsOf(appId)));
        var sidecar = Sidecar.EndpointsOf(AppIds.Console);
        Console = new WebApplicationFactory<console::Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("Console:Access", "single-user");
            foreach (var (key, value) in sidecar.EnvironmentVariables) web.UseSetting(key, value);
        });
    }

    private async Task<WebApplication> StartEchoAsync(SidecarAppEndpoints endpoints)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{endpoints.AppPort}");
        var web = builder.Build();
        var prefixes = FrontDoorRoutes.All.Where(r => r.AppId == endpoints.AppId).Select(r => r.Prefix).ToList();
        web.MapGet("/openapi/v1.json", () => Results.Json(EchoDocument.For(endpoints.AppId, prefixes)));
        web.MapGet("/dapr/subscribe", () => Results.Json(Array.Empty<object>()));
        web.Map("/{**path}", (HttpContext context) =>
        {
            Received.Enqueue((endpoints.AppId, context.Request.Method, context.Request.Path.Value!));
            return Results.Json(new
            {
                appId = endpoints.AppId,
                method = context.Request.Method,
                path = context.Request.Path.Value,
                query = context.Request.QueryString.Value,
                authorization = context.Request.Headers.Authorization.ToString(),
                daprApiToken = context.Request.Headers[SidecarTokens.HeaderName].ToString(),
            });
        });
        await web.StartAsync();
        return web;
    }

    public async Task DisposeAsync()
    {
        await Console.DisposeAsync();
        foreach (var service in services) await service.DisposeAsync();
        await Sidecar.DisposeAsync();
    }
}

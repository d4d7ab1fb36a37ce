using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Stowage.LocalSidecar.Hosting;

namespace Stowage.LocalSidecar.Tests;

/// A small ASP.NET Core app that uses the Dapr SDKs the way a Stowage service does, pointed at the local sidecar by configuration.
internal sealed class TestApp(WebApplication web) : IAsyncDisposable
{
    public IServiceProvider Services => web.Services;

    public static async Task<TestApp> StartAsync(
        SidecarAppEndpoints sidecar, Action<WebApplicationBuilder> configureServices, Action<WebApplication> configureApp)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(sidecar.EnvironmentVariables.ToDictionary(v => v.Key, v => (string?)v.Value));
        builder.WebHost.UseUrls($"http://127.0.0.1:{sidecar.AppPort}");
        configureServices(builder);
        var web = builder.Build();
        configureApp(web);
        await web.StartAsync();
        return new TestApp(web);
    }

    public async ValueTask DisposeAsync()
    {
        await web.StopAsync();
        await web.DisposeAsync();
    }
}

using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Stowage.LocalSidecar.Hosting;

namespace Stowage.Testing.Dapr;

/// <summary>
/// A real service host on a real loopback port (the sidecar calls it back over HTTP), its Dapr SDKs pointed at
/// the local sidecar by configuration. Dispose and start again to test a restart.
/// </summary>
public sealed class ServiceUnderTest<TEntryPoint> : IAsyncDisposable where TEntryPoint : class
{
    private readonly WebApplicationFactory<TEntryPoint> factory;

    /// <param name="token">The bearer token <see cref="Client"/> sends (a caller of the service's API); none when null.</param>
    public ServiceUnderTest(SidecarAppEndpoints sidecar, IReadOnlyDictionary<string, string?>? settings = null, string? token = null)
    {
        factory = new WebApplicationFactory<TEntryPoint>().WithWebHostBuilder(web =>
        {
            foreach (var (key, value) in sidecar.EnvironmentVariables) web.UseSetting(key, value);
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) web.UseSetting(key, value);
            web.UseSetting("Logging:LogLevel:Default", Environment.GetEnvironmentVariable("STOWAGE_TEST_LOG_LEVEL") ?? "Warning");
        });
        factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, sidecar.AppPort));
        factory.StartServer();
        Client = factory.CreateClient();
        Client.Timeout = TimeSpan.FromSeconds(60);
        if (token is not null) Client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
    }

    public HttpClient Client { get; }

    public IServiceProvider Services => factory.Services;

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await factory.DisposeAsync();
    }
}

namespace Stowage.Discovery.Extensions;

internal static class DiscoveryServiceExtensions
{
    public static WebApplicationBuilder AddDiscoveryService(this WebApplicationBuilder builder) => builder;

    public static WebApplication MapDiscoveryEndpoints(this WebApplication app) => app;
}

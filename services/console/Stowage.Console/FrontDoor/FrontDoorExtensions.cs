using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Transforms;

namespace Stowage.Console.FrontDoor;

/// <summary>
/// The one address of the product: every service's API under the console's address, forwarded by YARP through the
/// console's Dapr sidecar (service invocation), so service-to-service traffic stays on Dapr (mTLS, app ids, no
/// per-service Kubernetes Service). The caller's Authorization header goes through unchanged; each service decides.
/// </summary>
internal static class FrontDoorExtensions
{
    public static IServiceCollection AddFrontDoor(this IServiceCollection services, IConfiguration configuration)
    {
        var invocation = new SidecarInvocation(configuration);
        services.AddSingleton(invocation);
        services.AddSingleton<FrontDoorDocument>();
        services.AddHttpClient(FrontDoorDocument.ClientName, client => client.Timeout = TimeSpan.FromSeconds(15));
        var routes = FrontDoorRoutes.All.Select(r => new RouteConfig
        {
            RouteId = r.Prefix.Trim('/'),
            ClusterId = r.AppId,
            Match = new RouteMatch { Path = r.Prefix + "/{**rest}" },
        }).ToList();
        var clusters = FrontDoorRoutes.Services.Select(appId => new ClusterConfig
        {
            ClusterId = appId,
            Destinations = new Dictionary<string, DestinationConfig> { ["sidecar"] = new() { Address = invocation.MethodsOf(appId).ToString() } },
        }).ToList();
        services.AddReverseProxy().LoadFromMemory(routes, clusters).AddTransforms(transforms =>
        {
            // A caller must not pick the target app (daprd reads dapr-app-id before the path) nor present a sidecar token.
            transforms.AddRequestHeaderRemove("dapr-app-id");
            transforms.AddRequestHeaderRemove(SidecarInvocation.TokenHeader);
            if (invocation.ApiToken is { } token) transforms.AddRequestHeader(SidecarInvocation.TokenHeader, token, append: false);
        });
        return services;
    }

    public static WebApplication MapFrontDoor(this WebApplication app)
    {
        app.MapReverseProxy();
        app.MapGet(FrontDoorDocument.Path, async (FrontDoorDocument document, HttpContext context, CancellationToken ct) =>
        {
            var (merged, missing) = await document.GetAsync(ct);
            if (missing.Count > 0) context.Response.Headers["Warning"] = $"199 - \"not answering: {string.Join(", ", missing)}\"";
            return Results.Text(merged.ToJsonString(), "application/json");
        }).WithTags("Front door").WithSummary("One OpenAPI document for every service's API behind this address.");
        return app;
    }
}

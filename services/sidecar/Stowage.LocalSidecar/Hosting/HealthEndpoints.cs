using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Stowage.LocalSidecar.PubSub;

namespace Stowage.LocalSidecar.Hosting;

/// The HTTP endpoints the SDKs call on the Dapr HTTP port (CheckHealthAsync, CheckOutboundHealthAsync, WaitForSidecarAsync).
internal static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapSidecarHealth(this IEndpointRouteBuilder endpoints)
    {
        // Like daprd, full health waits for the app channel (its subscriptions read); outbound health does not.
        endpoints.MapGet("/v1.0/healthz", (SidecarApp app, SubscriptionCatalog catalog) =>
            catalog.HasAnswered(app.AppId) ? Results.NoContent() : Results.StatusCode(StatusCodes.Status500InternalServerError));
        endpoints.MapGet("/v1.0/healthz/outbound", () => Results.NoContent());
        endpoints.MapGet("/v1.0/metadata", (SidecarApp app) => Results.Json(new { id = app.AppId, runtimeVersion = "stowage-local-sidecar" }));
        return endpoints;
    }
}

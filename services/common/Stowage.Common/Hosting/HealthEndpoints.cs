using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Stowage.Common.Hosting;

/// <summary>/healthz answers whether the process lives; /readyz whether it can do work (its Dapr sidecar answers).</summary>
public static class HealthEndpoints
{
    public const string ReadyTag = "ready";

    public static IServiceCollection AddStowageHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DaprSidecarHealthCheck>("dapr-sidecar", HealthStatus.Unhealthy, [ReadyTag]);
        return services;
    }

    public static WebApplication MapStowageHealthChecks(this WebApplication app)
    {
        // Probes come from the kubelet, which sends no token.
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/readyz", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = HealthReportWriter.WriteJsonAsync,
        }).AllowAnonymous();
        return app;
    }
}

using Dapr.Client;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Stowage.Common.Hosting;

internal sealed class DaprSidecarHealthCheck(DaprClient dapr) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await dapr.CheckHealthAsync(cancellationToken)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("The Dapr sidecar did not answer its health endpoint.");
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy($"The Dapr sidecar is unreachable: {ex.Message}");
        }
    }
}

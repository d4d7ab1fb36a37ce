using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Stowage.Common.Reconciliation;

/// <summary>
/// Not ready until a reconciliation pass has completed, when the last one is more than three periods old (the loop is
/// stuck or keeps failing), or when it found drift it could not fix.
/// </summary>
internal sealed class ReconciliationHealthCheck(ReconciliationStatus status, IOptions<ReconciliationOptions> options, TimeProvider clock) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var period = options.Value.Period;
        var result = status switch
        {
            { LastCompletedAt: null } => HealthCheckResult.Unhealthy(
                "Reconciliation has not completed a pass yet" + (status.LastError is { } e ? $": {e}" : ".")),
            { LastCompletedAt: { } at } when clock.GetUtcNow() - at > 3 * period => HealthCheckResult.Unhealthy(
                $"The last reconciliation pass completed at {at:O}, more than three periods ({period}) ago" + (status.LastError is { } e ? $"; the last one failed: {e}" : ".")),
            { Unfixed.Count: > 0 } => HealthCheckResult.Unhealthy($"Reconciliation found drift it cannot fix: {string.Join("; ", status.Unfixed)}"),
            _ => HealthCheckResult.Healthy($"Last reconciliation pass at {status.LastCompletedAt:O}; {status.DriftFixed} drift(s) fixed since start."),
        };
        return Task.FromResult(result);
    }
}

using System.Diagnostics;
using System.Diagnostics.Metrics;
using Dapr.Client;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Stowage.Common.Reconciliation;

/// <summary>Runs every <see cref="IReconciler"/> of the service once the sidecar answers, then every period; each pass is a span.</summary>
internal sealed partial class ReconciliationLoop(
    IEnumerable<IReconciler> reconcilers, ReconciliationStatus status, IOptions<ReconciliationOptions> options, DaprClient dapr,
    TimeProvider clock, ILogger<ReconciliationLoop> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Stowage.Reconciliation");
    private static readonly Meter Meter = new("Stowage.Reconciliation");
    private static readonly Counter<long> DriftFixed = Meter.CreateCounter<long>("stowage.reconciliation.drift_fixed", description: "Drift found and fixed, by kind.");
    private static readonly Counter<long> Passes = Meter.CreateCounter<long>("stowage.reconciliation.passes", description: "Reconciliation passes, by outcome.");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await PassAsync(stoppingToken);
            try
            {
                await Task.Delay(options.Value.Period, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task PassAsync(CancellationToken stoppingToken)
    {
        using var activity = Source.StartActivity("reconciliation pass");
        try
        {
            if (!await dapr.CheckHealthAsync(stoppingToken)) throw new InvalidOperationException("the Dapr sidecar does not answer");
            var passes = new List<ReconciliationPass>();
            foreach (var reconciler in reconcilers) passes.Add(await reconciler.ReconcileAsync(stoppingToken));
            var pass = ReconciliationPass.Combine(passes);
            foreach (var kind in pass.Fixed) DriftFixed.Add(1, new KeyValuePair<string, object?>("kind", kind));
            Passes.Add(1, new KeyValuePair<string, object?>("outcome", pass.Unfixed.Count == 0 ? "converged" : "unfixed-drift"));
            activity?.SetTag("stowage.drift.fixed", pass.Fixed.Count);
            activity?.SetTag("stowage.drift.unfixed", pass.Unfixed.Count);
            status.Completed(clock.GetUtcNow(), pass);
            if (pass.Fixed.Count > 0) LogFixed(pass.Fixed.Count, string.Join(", ", pass.Fixed.Distinct()));
            foreach (var drift in pass.Unfixed) LogUnfixed(drift);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            Passes.Add(1, new KeyValuePair<string, object?>("outcome", "failed"));
            status.Failed(ex.Message);
            LogFailed(ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reconciliation fixed {Count} drift(s): {Kinds}")]
    private partial void LogFixed(int count, string kinds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reconciliation found drift it cannot fix: {Drift}")]
    private partial void LogUnfixed(string drift);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reconciliation pass failed, retrying next period: {Reason}")]
    private partial void LogFailed(string reason);
}

namespace Stowage.Common.Reconciliation;

/// <summary>How often a service compares what it runs with what it should run ("Reconciliation" configuration section).</summary>
public sealed class ReconciliationOptions
{
    public const string Section = "Reconciliation";

    /// <summary>Time between two passes (default 30 s); the first pass runs as soon as the Dapr sidecar answers.</summary>
    public TimeSpan Period { get; set; } = TimeSpan.FromSeconds(30);
}

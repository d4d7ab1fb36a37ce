namespace Stowage.Common.Reconciliation;

/// <summary>
/// Compares what a service runs with what it should run, and makes them match. Called at start-up and every period,
/// so work lost with a sidecar, a purge or a crash comes back without anyone noticing the loss first.
/// </summary>
public interface IReconciler
{
    Task<ReconciliationPass> ReconcileAsync(CancellationToken cancellationToken);
}

/// <summary>One pass: the drift it fixed (one kind per fix, e.g. "schedule-started"), and the drift it could not fix, in words.</summary>
public sealed record ReconciliationPass(IReadOnlyList<string> Fixed, IReadOnlyList<string> Unfixed)
{
    public static ReconciliationPass Combine(IEnumerable<ReconciliationPass> passes)
    {
        var all = passes.ToList();
        return new ReconciliationPass(all.SelectMany(p => p.Fixed).ToList(), all.SelectMany(p => p.Unfixed).ToList());
    }
}

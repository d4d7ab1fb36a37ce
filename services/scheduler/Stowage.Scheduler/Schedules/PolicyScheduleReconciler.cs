using Stowage.Common.Reconciliation;
using Stowage.Scheduler.Policies;

namespace Stowage.Scheduler.Schedules;

/// <summary>The periodic pass: every policy the scheduler knows gets the schedule its view asks for.</summary>
internal sealed class PolicyScheduleReconciler(ScheduledPolicyStore policies, ScheduleCoordinator coordinator) : IReconciler
{
    public async Task<ReconciliationPass> ReconcileAsync(CancellationToken cancellationToken)
    {
        var fixedKinds = new List<string>();
        var unfixed = new List<string>();
        foreach (var policy in await policies.AllAsync(cancellationToken))
        {
            try
            {
                if (await coordinator.ReconcileAsync(policy, cancellationToken) is { } kind) fixedKinds.Add(kind);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                unfixed.Add($"the schedule of policy {policy.PolicyId} could not be made to match: {ex.Message}");
            }
        }
        return new ReconciliationPass(fixedKinds, unfixed);
    }
}

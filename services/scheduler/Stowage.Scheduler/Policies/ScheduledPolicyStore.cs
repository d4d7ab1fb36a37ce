using Dapr.Client;
using Stowage.Common.EventSourcing;
using Stowage.Common.State;
using Stowage.Contracts;
using Stowage.Contracts.Policies;

namespace Stowage.Scheduler.Policies;

/// <summary>
/// The scheduler's views of policies in the state store, one document per policy, changed with ETag retries so two events
/// of one policy handled at once both count. Deleted policies keep their document, so a late event cannot revive them.
/// </summary>
public sealed class ScheduledPolicyStore(DaprClient dapr)
{
    private readonly KeyCatalog catalog = new(dapr, DaprComponents.StateStore, "scheduler-policies");

    public async Task<ScheduledPolicy?> ApplyAsync(PolicyEvent @event, CancellationToken cancellationToken)
    {
        await catalog.AddAsync(@event.PolicyId, cancellationToken);
        return await ChangeAsync(@event.PolicyId, view => ScheduledPolicy.Evolve(view, @event), cancellationToken);
    }

    /// <summary>Remembers when a run of the policy ended (runs end in order: a schedule waits for each one).</summary>
    public Task<ScheduledPolicy?> RecordRunEndedAsync(string policyId, DateTime endedUtc, CancellationToken cancellationToken) =>
        ChangeAsync(policyId, view => view is null || view.LastRunUtc >= endedUtc ? view : view with { LastRunUtc = endedUtc }, cancellationToken);

    private Task<ScheduledPolicy?> ChangeAsync(string policyId, Func<ScheduledPolicy?, ScheduledPolicy?> change, CancellationToken cancellationToken) =>
        dapr.ChangeAsync(DaprComponents.StateStore, Key(policyId), change, $"the scheduler's view of policy {policyId}", cancellationToken);

    public Task<ScheduledPolicy?> GetAsync(string policyId, CancellationToken cancellationToken) =>
        dapr.GetStateAsync<ScheduledPolicy?>(DaprComponents.StateStore, Key(policyId), cancellationToken: cancellationToken);

    public async Task<IReadOnlyList<ScheduledPolicy>> AllAsync(CancellationToken cancellationToken) =>
        await dapr.ReadManyAsync<ScheduledPolicy>(DaprComponents.StateStore, (await catalog.ListAsync(cancellationToken)).Select(Key).ToList(), cancellationToken);

    private static string Key(string policyId) => $"scheduler-policy-{policyId}";
}

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

    private async Task<ScheduledPolicy?> ChangeAsync(string policyId, Func<ScheduledPolicy?, ScheduledPolicy?> change, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var (view, etag) = await dapr.GetStateAndETagAsync<ScheduledPolicy?>(DaprComponents.StateStore, Key(policyId), cancellationToken: cancellationToken);
            var next = change(view);
            if (next is null || next == view) return view;
            if (await dapr.TrySaveStateAsync(DaprComponents.StateStore, Key(policyId), next, etag ?? "", FirstWrite, cancellationToken: cancellationToken)) return next;
        }
        throw new InvalidOperationException($"Could not change the scheduler's view of policy {policyId} after 50 attempts.");
    }

    public Task<ScheduledPolicy?> GetAsync(string policyId, CancellationToken cancellationToken) =>
        dapr.GetStateAsync<ScheduledPolicy?>(DaprComponents.StateStore, Key(policyId), cancellationToken: cancellationToken);

    public async Task<IReadOnlyList<ScheduledPolicy>> AllAsync(CancellationToken cancellationToken)
    {
        var ids = await catalog.ListAsync(cancellationToken);
        if (ids.Count == 0) return [];
        var items = await dapr.GetBulkStateAsync(DaprComponents.StateStore, ids.Select(Key).ToList(), parallelism: 8, cancellationToken: cancellationToken);
        return items.Where(i => !string.IsNullOrEmpty(i.Value)).Select(i => EventJson.Deserialize<ScheduledPolicy>(i.Value)).ToList();
    }

    private static readonly StateOptions FirstWrite = new() { Concurrency = ConcurrencyMode.FirstWrite };

    private static string Key(string policyId) => $"scheduler-policy-{policyId}";
}

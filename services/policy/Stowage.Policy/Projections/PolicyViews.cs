using Dapr.Client;
using Stowage.Common.EventSourcing;
using Stowage.Common.State;
using Stowage.Contracts;
using Stowage.Contracts.Policies;
using Stowage.Policy.Domain;

namespace Stowage.Policy.Projections;

public sealed record PolicyQuery(string? Namespace, string? Application, PolicyStatus? Status, int Page, int PageSize);

public sealed record PolicyPage(IReadOnlyList<PolicyState> Items, int Page, int PageSize, int Total);

/// <summary>
/// The read model: one document per policy, the fold of its events, written in the same transaction as the
/// events (so it never lags) and rebuildable from the streams at any time.
/// </summary>
public sealed class PolicyViews(DaprClient dapr, IEventStore<PolicyEvent> store, ApplicationIndex applications)
{
    public static StateWrite Write(PolicyState state) => new(Key(state.Id), state);

    public Task<PolicyState?> GetAsync(string id, CancellationToken cancellationToken) =>
        dapr.GetStateAsync<PolicyState?>(DaprComponents.StateStore, Key(id), cancellationToken: cancellationToken);

    public async Task<IReadOnlyList<PolicyState>> AllAsync(CancellationToken cancellationToken)
    {
        var policies = await dapr.ReadManyAsync<PolicyState>(DaprComponents.StateStore, (await store.ListStreamIdsAsync(cancellationToken)).Select(Key).ToList(), cancellationToken);
        return policies.OrderBy(p => p.CreatedAt).ToList();
    }

    /// <summary>The live (not deleted) policy of an application, if it has one.</summary>
    public async Task<PolicyState?> FindByApplicationAsync(ApplicationRef application, CancellationToken cancellationToken) =>
        await applications.OwnerAsync(application, cancellationToken) is { } id && await GetAsync(id, cancellationToken) is { Status: not PolicyStatus.Deleted } policy
            ? policy
            : null;

    /// <summary>One page of the policies matching the query whose namespace <paramref name="visible"/> admits (paging counts only those).</summary>
    public async Task<PolicyPage> QueryAsync(PolicyQuery query, Func<string, Task<bool>> visible, CancellationToken cancellationToken)
    {
        var candidates = (await AllAsync(cancellationToken))
            .Where(p => query.Status is { } status ? p.Status == status : p.Status != PolicyStatus.Deleted)
            .Where(p => query.Namespace is null || p.Spec.Application.Namespace == query.Namespace)
            .Where(p => query.Application is null || p.Spec.Application.Name == query.Application);
        var matching = new List<PolicyState>();
        foreach (var policy in candidates)
            if (await visible(policy.Spec.Application.Namespace)) matching.Add(policy);
        var page = matching.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToList();
        return new PolicyPage(page, query.Page, query.PageSize, matching.Count);
    }

    /// <summary>Replays every stream and rewrites its view and its application's index key; returns the views that differed.</summary>
    public async Task<ProjectionRebuild> RebuildAsync(CancellationToken cancellationToken)
    {
        var ids = await store.ListStreamIdsAsync(cancellationToken);
        var differing = new List<string>();
        foreach (var id in ids)
        {
            var stream = await store.ReadAsync(id, cancellationToken);
            var replayed = PolicyState.Replay(stream.Events);
            if (replayed is null) continue;
            var live = await GetAsync(id, cancellationToken);
            if (live != replayed) differing.Add(id);
            await dapr.SaveStateAsync(DaprComponents.StateStore, Key(id), replayed, cancellationToken: cancellationToken);
            if (replayed.Status != PolicyStatus.Deleted) await applications.ClaimAsync(replayed.Spec.Application, id, cancellationToken);
        }
        return new ProjectionRebuild(ids.Count, differing);
    }

    private static string Key(string id) => $"policy-view-{id}";
}

public sealed record ProjectionRebuild(int Streams, IReadOnlyList<string> Differing);

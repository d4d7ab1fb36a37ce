using Dapr.Client;
using Stowage.Common.State;
using Stowage.Contracts;

namespace Stowage.Policy.Suggestions;

/// <summary>Suggestions kept in the policy service's own state, one document each, listed through a catalog.</summary>
public sealed class SuggestionStore(DaprClient dapr)
{
    private readonly KeyCatalog catalog = new(dapr, DaprComponents.StateStore, "policy-suggestions");

    public async Task SaveAsync(PolicySuggestion suggestion, CancellationToken cancellationToken)
    {
        await dapr.SaveStateAsync(DaprComponents.StateStore, Key(suggestion.Id), suggestion, cancellationToken: cancellationToken);
        await catalog.AddAsync(suggestion.Id, cancellationToken);
    }

    public async Task RemoveAsync(string id, CancellationToken cancellationToken)
    {
        await catalog.RemoveAsync(id, cancellationToken);
        await dapr.DeleteStateAsync(DaprComponents.StateStore, Key(id), cancellationToken: cancellationToken);
    }

    public Task<PolicySuggestion?> GetAsync(string id, CancellationToken cancellationToken) =>
        dapr.GetStateAsync<PolicySuggestion?>(DaprComponents.StateStore, Key(id), cancellationToken: cancellationToken);

    public async Task<IReadOnlyList<PolicySuggestion>> AllAsync(CancellationToken cancellationToken)
    {
        var suggestions = await dapr.ReadManyAsync<PolicySuggestion>(DaprComponents.StateStore, (await catalog.ListAsync(cancellationToken)).Select(Key).ToList(), cancellationToken);
        return suggestions.OrderBy(s => s.Id).ToList();
    }

    private static string Key(string id) => $"policy-suggestion-{id}";
}

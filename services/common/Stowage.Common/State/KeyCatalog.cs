using Dapr.Client;

namespace Stowage.Common.State;

/// <summary>
/// A list of ids kept as one state document, because the Dapr state API cannot list keys.
/// Changed with ETag retries, so concurrent writers never lose an id.
/// </summary>
public sealed class KeyCatalog(DaprClient dapr, string stateStore, string key)
{
    public Task AddAsync(string id, CancellationToken cancellationToken) => ChangeAsync(id, add: true, cancellationToken);

    public Task RemoveAsync(string id, CancellationToken cancellationToken) => ChangeAsync(id, add: false, cancellationToken);

    private async Task ChangeAsync(string id, bool add, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var (ids, etag) = await dapr.GetStateAndETagAsync<List<string>>(stateStore, key, cancellationToken: cancellationToken);
            ids ??= [];
            if (ids.Contains(id) == add) return;
            if (add) ids.Add(id);
            else ids.Remove(id);
            if (await dapr.TrySaveStateAsync(stateStore, key, ids, etag ?? "", new StateOptions { Concurrency = ConcurrencyMode.FirstWrite }, cancellationToken: cancellationToken))
            {
                return;
            }
        }
        throw new InvalidOperationException($"Could not change '{id}' in catalog '{key}' after 50 attempts.");
    }

    public async Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken) =>
        await dapr.GetStateAsync<List<string>>(stateStore, key, cancellationToken: cancellationToken) ?? [];
}

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

    private Task ChangeAsync(string id, bool add, CancellationToken cancellationToken) =>
        dapr.ChangeAsync<List<string>>(stateStore, key, ids =>
        {
            ids ??= [];
            if (ids.Contains(id) == add) return null;
            return add ? [.. ids, id] : ids.Where(other => other != id).ToList();
        }, $"'{id}' in catalog '{key}'", cancellationToken);

    public async Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken) =>
        await dapr.GetStateAsync<List<string>>(stateStore, key, cancellationToken: cancellationToken) ?? [];
}

using Dapr.Client;

namespace Stowage.Common.EventSourcing;

/// <summary>
/// The list of stream ids of one category, kept as one document because the Dapr state API cannot list keys.
/// Added to with ETag retries, so concurrent creations never lose an id.
/// </summary>
internal sealed class StreamCatalog(DaprClient dapr, string stateStore, string key)
{
    public async Task AddAsync(string streamId, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var (ids, etag) = await dapr.GetStateAndETagAsync<List<string>>(stateStore, key, cancellationToken: cancellationToken);
            ids ??= [];
            if (ids.Contains(streamId)) return;
            ids.Add(streamId);
            if (await dapr.TrySaveStateAsync(stateStore, key, ids, etag ?? "", new StateOptions { Concurrency = ConcurrencyMode.FirstWrite }, cancellationToken: cancellationToken))
            {
                return;
            }
        }
        throw new InvalidOperationException($"Could not add stream '{streamId}' to catalog '{key}' after 50 attempts.");
    }

    public async Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken) =>
        await dapr.GetStateAsync<List<string>>(stateStore, key, cancellationToken: cancellationToken) ?? [];
}

using System.Collections.Concurrent;
using System.Text.Json;
using Stowage.Mover.Engine.Snapshots;

namespace Stowage.Mover.Engine.Repository;

/// <summary>
/// Loads and caches tree blobs. Walks prefetch the subtrees of the directory they enter, a few requests at a
/// time, so on an object store the walk does not pay one round trip per directory in sequence.
/// </summary>
internal sealed class TreeLoader(RepositoryStore store)
{
    private const int CacheLimit = 512;
    private const int ConcurrentLoads = 16;
    private readonly ConcurrentDictionary<BlobId, Lazy<Task<Tree>>> _trees = new();
    private readonly SemaphoreSlim _concurrency = new(ConcurrentLoads);

    public Task<Tree> LoadAsync(BlobId id, CancellationToken cancellationToken)
    {
        if (_trees.Count > CacheLimit) _trees.Clear();
        var load = _trees.GetOrAdd(id, key => new Lazy<Task<Tree>>(() => LoadCoreAsync(key, cancellationToken))).Value;
        // A failed load is not cached: the caller reports it, and a later attempt may succeed.
        if (load.IsFaulted || load.IsCanceled) _trees.TryRemove(id, out _);
        return load;
    }

    public void PrefetchChildren(Tree tree, CancellationToken cancellationToken)
    {
        foreach (var node in tree.Nodes)
        {
            if (node is { Type: TreeNode.Directory, Subtree: { } hex } && BlobId.TryParse(hex, out var id) && store.Index.Contains(id))
                _ = LoadAsync(id, cancellationToken).ContinueWith(t => _ = t.Exception, TaskContinuationOptions.OnlyOnFaulted);
        }
    }

    private async Task<Tree> LoadCoreAsync(BlobId id, CancellationToken cancellationToken)
    {
        await _concurrency.WaitAsync(cancellationToken);
        try
        {
            var bytes = await store.ReadBlobAsync(id, cancellationToken);
            return JsonSerializer.Deserialize(bytes, EngineJsonContext.Default.Tree)
                ?? throw new RepositoryDamagedException($"Tree {id.ToShortString()} is empty.");
        }
        finally
        {
            _concurrency.Release();
        }
    }
}

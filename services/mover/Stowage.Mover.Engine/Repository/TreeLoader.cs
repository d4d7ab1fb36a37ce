using System.Collections.Concurrent;
using System.Text.Json;
using Stowage.Mover.Engine.Snapshots;

namespace Stowage.Mover.Engine.Repository;

/// <summary>
/// Loads and caches tree blobs. Walks prefetch the subtrees of the directory they enter, a few requests at a
/// time, so on an object store the walk does not pay one round trip per directory in sequence. A tree the
/// walk needs now starts loading at once, never queued behind prefetches of its siblings.
/// </summary>
internal sealed class TreeLoader(RepositoryStore store)
{
    private const int CacheLimit = 1024;
    private const int ConcurrentPrefetches = 16;
    private readonly ConcurrentDictionary<BlobId, Slot> _trees = new();
    private readonly SemaphoreSlim _prefetchSlots = new(ConcurrentPrefetches);
    private readonly TreePackCache _packs = new(store);

    private sealed class Slot
    {
        public readonly TaskCompletionSource<Tree> Tree = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public int Started;
    }

    public Task<Tree> LoadAsync(BlobId id, CancellationToken cancellationToken)
    {
        var slot = SlotOf(id);
        _ = StartAsync(id, slot, cancellationToken);
        return slot.Tree.Task;
    }

    public void PrefetchChildren(Tree tree, CancellationToken cancellationToken)
    {
        foreach (var node in tree.Nodes)
        {
            if (node is { Type: TreeNode.Directory, Subtree: { } hex } && BlobId.TryParse(hex, out var id) && store.Index.Contains(id))
                _ = PrefetchAsync(id, SlotOf(id), cancellationToken);
        }
    }

    private Slot SlotOf(BlobId id)
    {
        if (_trees.Count > CacheLimit) _trees.Clear();
        return _trees.GetOrAdd(id, _ => new Slot());
    }

    private async Task PrefetchAsync(BlobId id, Slot slot, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref slot.Started) != 0) return;
        try
        {
            await _prefetchSlots.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        try
        {
            // Off the walking thread: when the tree's pack is already cached the load is synchronous, and
            // decoding it here would keep the walk waiting while the other processors idle.
            await Task.Yield();
            await StartAsync(id, slot, cancellationToken);
        }
        finally
        {
            _prefetchSlots.Release();
        }
    }

    private async Task StartAsync(BlobId id, Slot slot, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref slot.Started, 1) != 0) return;
        try
        {
            var bytes = await _packs.ReadBlobAsync(id, cancellationToken);
            slot.Tree.TrySetResult(JsonSerializer.Deserialize(bytes, EngineJsonContext.Default.Tree)
                ?? throw new RepositoryDamagedException($"Tree {id.ToShortString()} is empty."));
        }
        catch (Exception e)
        {
            // A failed load is not cached: the caller reports it, and a later attempt may succeed.
            _trees.TryRemove(new KeyValuePair<BlobId, Slot>(id, slot));
            slot.Tree.TrySetException(e);
        }
    }
}

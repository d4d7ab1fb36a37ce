using System.Collections.Concurrent;
using System.Text.Json;
using Stowage.Mover.Engine.Backup;
using Stowage.Mover.Engine.Snapshots;

namespace Stowage.Mover.Engine.Repository;

/// <summary>
/// Loads tree blobs. Walks prefetch the next few subtrees of the directory they are in (a window that slides as
/// they descend), so on an object store the walk does not pay one round trip per directory in sequence, while
/// memory holds at most the window's trees per level of the walk: a prefetched tree leaves the cache when the
/// walk takes it. Trees waiting in the cache are also bounded by their size: eight prefetched directories of
/// 10,000 files each held 30-40 MiB of nodes (200,000 files: unchanged re-backup 176 MiB peak, 162 MiB with two);
/// a large tree is loaded when the walk reaches it instead. A tree the walk needs now starts loading at once,
/// never queued behind prefetches.
/// </summary>
internal sealed class TreeLoader(RepositoryStore store, long packCacheBytes, long prefetchBytes = TreeLoader.DefaultPrefetchBytes)
{
    /// <summary>Subdirectories prefetched ahead of the walk in each directory.</summary>
    public const int Window = 8;
    /// <summary>Plain bytes of prefetched trees the cache holds at most (their nodes take about twice as much).</summary>
    public const long DefaultPrefetchBytes = 2 * 1024 * 1024;
    // Trees prefetched for directories the walk then skipped (gone from the source) would stay; this bounds them.
    private const int CacheLimit = 256;
    private const int ConcurrentPrefetches = 16;
    private readonly ConcurrentDictionary<BlobId, Slot> _trees = new();
    private readonly SemaphoreSlim _prefetchSlots = new(ConcurrentPrefetches);
    private readonly TreePackCache _packs = new(store, packCacheBytes);
    private readonly ConcurrentDictionary<Task, byte> _running = new();
    private long _prefetchedBytes;

    private sealed class Slot(long bytes)
    {
        public readonly TaskCompletionSource<Tree> Tree = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public readonly long Bytes = bytes;
        public int Started;
    }

    /// <summary>Plain bytes of the prefetched trees the walk has not taken yet.</summary>
    internal long PrefetchedBytes => Interlocked.Read(ref _prefetchedBytes);

    /// <summary>Loads a tree for the walk, taking it out of the cache if it was prefetched.</summary>
    public Task<Tree> LoadAsync(BlobId id, CancellationToken cancellationToken)
    {
        if (_trees.TryRemove(id, out var slot)) Interlocked.Add(ref _prefetchedBytes, -slot.Bytes);
        else slot = new Slot(0);
        Track(StartAsync(id, slot, cancellationToken));
        return slot.Tree.Task;
    }

    /// <summary>The data blob ids a content list holds (lists live in tree packs, so they share the pack cache).</summary>
    public async Task<BlobId[]> LoadContentListAsync(BlobId id, CancellationToken cancellationToken)
    {
        using var bytes = await _packs.ReadBlobAsync(id, cancellationToken);
        return ContentList.Read(bytes.Span, id);
    }

    /// <summary>
    /// Waits until no load started so far still runs. A walk that stops early (a failure, a refused entry) leaves
    /// prefetches behind, and one still decoding when the repository is disposed would use freed native
    /// (zstd, AES) contexts; so runs cancel their prefetches and wait here before they return.
    /// </summary>
    public async Task WhenIdleAsync()
    {
        // Each load's failure went to whoever awaited its tree; here only its end matters.
        while (!_running.IsEmpty) await PipelineFailure.WhenEndedAsync(_running.Keys);
    }

    private void Track(Task load)
    {
        if (load.IsCompleted) return;
        _running.TryAdd(load, 0);
        _ = load.ContinueWith(done => _running.TryRemove(done, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>Prefetches the first Window subdirectories of a tree the walk enters.</summary>
    public void PrefetchChildren(Tree tree, CancellationToken cancellationToken, Func<BlobId, bool>? skip = null)
    {
        var found = 0;
        for (var i = 0; i < tree.Nodes.Count && found < Window; i++)
        {
            if (tree.Nodes[i].Type != TreeNode.Directory) continue;
            found++;
            Prefetch(tree.Nodes[i], skip, cancellationToken);
        }
    }

    /// <summary>Called as the walk descends into the node at index: prefetches the subdirectory Window places on.</summary>
    public void PrefetchAfter(Tree tree, int index, CancellationToken cancellationToken, Func<BlobId, bool>? skip = null)
    {
        var found = 0;
        for (var i = index + 1; i < tree.Nodes.Count; i++)
        {
            if (tree.Nodes[i].Type != TreeNode.Directory || ++found < Window) continue;
            Prefetch(tree.Nodes[i], skip, cancellationToken);
            return;
        }
    }

    /// <summary>Skip names trees the walk will not take (already walked), which would otherwise wait in the cache.</summary>
    private void Prefetch(TreeNode node, Func<BlobId, bool>? skip, CancellationToken cancellationToken)
    {
        if (node.Subtree is { } hex && BlobId.TryParse(hex, out var id) && skip?.Invoke(id) != true
            && store.Index.TryFind(id, out _, out var entry) && SlotOf(id, entry.RawLength) is { } slot)
            Track(PrefetchAsync(id, slot, cancellationToken));
    }

    /// <summary>The tree's slot in the cache, or null when the cache holds enough prefetched bytes already.</summary>
    private Slot? SlotOf(BlobId id, long bytes)
    {
        if (_trees.TryGetValue(id, out var cached)) return cached;
        if (_trees.Count > CacheLimit)
        {
            _trees.Clear();
            Interlocked.Exchange(ref _prefetchedBytes, 0);
        }
        var held = Interlocked.Read(ref _prefetchedBytes);
        if (held > 0 && held + bytes > prefetchBytes) return null;
        var slot = new Slot(bytes);
        if (!_trees.TryAdd(id, slot)) return _trees.TryGetValue(id, out cached) ? cached : null;
        Interlocked.Add(ref _prefetchedBytes, bytes);
        return slot;
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
            using var bytes = await _packs.ReadBlobAsync(id, cancellationToken);
            slot.Tree.TrySetResult(JsonSerializer.Deserialize(bytes.Span, EngineJsonContext.Default.Tree)
                ?? throw new RepositoryDamagedException($"Tree {id.ToShortString()} is empty."));
        }
        catch (Exception e)
        {
            // A failed load is not cached: the caller reports it, and a later attempt may succeed.
            if (_trees.TryRemove(new KeyValuePair<BlobId, Slot>(id, slot))) Interlocked.Add(ref _prefetchedBytes, -slot.Bytes);
            slot.Tree.TrySetException(e);
        }
    }
}

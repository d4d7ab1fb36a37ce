using Stowage.Mover.Engine.Packs;
using Stowage.Mover.Engine.Storage;

namespace Stowage.Mover.Engine.Repository;

/// <summary>
/// Tree blobs live together in tree packs, in the order a backup finished their directories, and a walk reads
/// them in nearly that order. The cache holds windows of tree packs (1 MiB from a multiple of 1 MiB, and an eighth
/// more for blobs that cross into the next), least recently used out first, up to cacheBytes in all: one request per
/// window instead of one per directory, and a walk that moves between packs re-reads a window, not a pack.
/// Whole packs were cached before: at a million files three tree packs of 17 MiB did not fit in 32 MiB, and a
/// check read the two it moved between 1,561 times (26 GB). A blob larger than a window is read on its own.
/// </summary>
internal sealed class TreePackCache(RepositoryStore store, long cacheBytes, int windowBytes = TreePackCache.WindowBytes)
{
    /// <summary>Bytes of a pack read at once by default (a window starts at a multiple of its size).</summary>
    public const int WindowBytes = 1024 * 1024;

    private readonly Lock _lock = new();
    private readonly Dictionary<(BlobId Pack, long Start), LinkedListNode<Window>> _windows = [];
    private readonly LinkedList<Window> _recent = new();
    private long _cachedBytes;
    private int _reads;

    private sealed class Window
    {
        public Window(BlobId pack, long start, int length, Func<Window, Task<byte[]>> fetch)
        {
            (Pack, Start, Length) = (pack, start, length);
            Bytes = new Lazy<Task<byte[]>>(() => fetch(this));
        }

        public BlobId Pack { get; }
        public long Start { get; }
        public int Length { get; }
        /// <summary>Read once, by the first caller that needs it.</summary>
        public Lazy<Task<byte[]>> Bytes { get; }
        public long End => Start + Length;
    }

    /// <summary>Bytes of the windows held now.</summary>
    internal long CachedBytes
    {
        get { lock (_lock) return _cachedBytes; }
    }

    /// <summary>Requests sent to the backend so far (windows and blobs read on their own).</summary>
    internal int Reads => Volatile.Read(ref _reads);

    /// <summary>The blob's plaintext, opened and verified, in an array of the engine's pool (trees of large directories are megabytes).</summary>
    public async Task<PooledBytes> ReadBlobAsync(BlobId id, CancellationToken cancellationToken)
    {
        if (!store.Index.TryFind(id, out var pack, out var entry))
            throw new RepositoryDamagedException($"Blob {id.ToShortString()} is not in any index.");
        var packSize = store.Index.PackSize(pack);
        var blobEnd = entry.Offset + (long)entry.Length;
        if (blobEnd > packSize && packSize > 0)
            throw new RepositoryDamagedException($"Blob {id.ToShortString()} lies beyond the end of pack {pack.ToShortString()}.");
        var cached = entry.Length <= windowBytes && cacheBytes >= 2L * windowBytes && packSize > 0;
        if ((cached ? WindowFor(pack, entry.Offset, blobEnd, packSize, cancellationToken) : null) is not { } window)
        {
            Interlocked.Increment(ref _reads);
            var sealedBlob = PooledBytes.Rent((int)entry.Length);
            try
            {
                await store.Backend.ReadRangeAsync(RepositoryLayout.Pack(pack), entry.Offset, sealedBlob.AsMemory(0, (int)entry.Length), cancellationToken);
                return Open(pack, entry, sealedBlob.AsSpan(0, (int)entry.Length));
            }
            finally
            {
                EngineBuffers.Pool.Return(sealedBlob);
            }
        }
        byte[] bytes;
        try
        {
            bytes = await window.Bytes.Value;
        }
        catch (Exception e) when (e is not RepositoryDamagedException)
        {
            Forget(window);
            throw;
        }
        return Open(pack, entry, bytes.AsSpan((int)(entry.Offset - window.Start), (int)entry.Length));
    }

    private PooledBytes Open(BlobId pack, PackEntry entry, ReadOnlySpan<byte> sealedBlob)
    {
        var plain = PooledBytes.Rent((int)entry.RawLength);
        try
        {
            return new PooledBytes(plain, store.Keys.Blobs.Open(entry, sealedBlob, plain, $"pack {pack.ToShortString()}"));
        }
        catch
        {
            EngineBuffers.Pool.Return(plain);
            throw;
        }
    }

    /// <summary>
    /// The window that holds [offset, end) of the pack, cached or new (then the least recently used go); null when
    /// the cached window at that place ends before the blob does (the blob is then read on its own, rather than
    /// the window again). Windows reach an eighth of a window past their end, so most blobs that cross into the
    /// next window are still whole in theirs.
    /// </summary>
    private Window? WindowFor(BlobId pack, long offset, long end, long packSize, CancellationToken cancellationToken)
    {
        var start = offset / windowBytes * windowBytes;
        lock (_lock)
        {
            if (_windows.TryGetValue((pack, start), out var node))
            {
                if (node.Value.End < end) return null;
                _recent.Remove(node);
                _recent.AddFirst(node);
                return node.Value;
            }
            var length = (int)(Math.Min(packSize, Math.Max(start + windowBytes + windowBytes / 8, end)) - start);
            var window = new Window(pack, start, length, w => FetchAsync(w, cancellationToken));
            node = _recent.AddFirst(window);
            _windows[(pack, start)] = node;
            _cachedBytes += length;
            while (_cachedBytes > cacheBytes && _recent.Last is { } last && last != node) Remove(last);
            return window;
        }
    }

    private void Forget(Window window)
    {
        lock (_lock)
        {
            if (_windows.TryGetValue((window.Pack, window.Start), out var node) && node.Value == window) Remove(node);
        }
    }

    private void Remove(LinkedListNode<Window> node)
    {
        _recent.Remove(node);
        _windows.Remove((node.Value.Pack, node.Value.Start));
        _cachedBytes -= node.Value.Length;
    }

    private async Task<byte[]> FetchAsync(Window window, CancellationToken cancellationToken)
    {
        // Off the caller's lock and thread: the first caller starts the read, later ones await it.
        await Task.Yield();
        Interlocked.Increment(ref _reads);
        var bytes = new byte[window.Length];
        try
        {
            await store.Backend.ReadRangeAsync(RepositoryLayout.Pack(window.Pack), window.Start, bytes, cancellationToken);
        }
        catch (EndOfStreamException)
        {
            throw new RepositoryDamagedException($"Pack {window.Pack.ToShortString()} is shorter than the index says (damaged).");
        }
        return bytes;
    }
}

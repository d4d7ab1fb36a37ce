using System.Collections.Concurrent;

namespace Stowage.Mover.Engine.Repository;

/// <summary>
/// Tree blobs live together in tree packs, and a walk needs most of them: one request for the whole pack
/// replaces one request per directory. Holds at most cacheBytes of packs (a memory budget sets it); a pack
/// larger than that is read a blob at a time.
/// </summary>
internal sealed class TreePackCache(RepositoryStore store, long cacheBytes)
{
    private const long WholePackLimit = 24 * 1024 * 1024;
    private readonly ConcurrentDictionary<BlobId, Lazy<Task<byte[]>>> _packs = new();
    private long _cachedBytes;

    public async Task<byte[]> ReadBlobAsync(BlobId id, CancellationToken cancellationToken)
    {
        if (!store.Index.TryFind(id, out var pack, out var entry))
            throw new RepositoryDamagedException($"Blob {id.ToShortString()} is not in any index.");
        var size = store.Index.PackSize(pack);
        if (size <= 0 || size > Math.Min(WholePackLimit, cacheBytes)) return await store.ReadBlobAsync(id, cancellationToken);
        if (Interlocked.Read(ref _cachedBytes) + size > cacheBytes)
        {
            _packs.Clear();
            Interlocked.Exchange(ref _cachedBytes, 0);
        }
        var lazy = _packs.GetOrAdd(pack, key => new Lazy<Task<byte[]>>(() => FetchAsync(key, size, cancellationToken)));
        byte[] bytes;
        try
        {
            bytes = await lazy.Value;
        }
        catch (Exception e) when (e is not RepositoryDamagedException)
        {
            _packs.TryRemove(new KeyValuePair<BlobId, Lazy<Task<byte[]>>>(pack, lazy));
            throw;
        }
        if (entry.Offset + (long)entry.Length > bytes.Length)
            throw new RepositoryDamagedException($"Blob {id.ToShortString()} lies beyond the end of pack {pack.ToShortString()}.");
        return store.Keys.Blobs.Open(entry, bytes.AsSpan((int)entry.Offset, (int)entry.Length), $"pack {pack.ToShortString()}");
    }

    private async Task<byte[]> FetchAsync(BlobId pack, long size, CancellationToken cancellationToken)
    {
        var bytes = await store.Backend.ReadAsync(RepositoryLayout.Pack(pack), cancellationToken);
        Interlocked.Add(ref _cachedBytes, size);
        return bytes;
    }
}

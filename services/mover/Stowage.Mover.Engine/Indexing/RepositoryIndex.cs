using Stowage.Mover.Engine.Packs;

namespace Stowage.Mover.Engine.Indexing;

/// <summary>Where every blob is, merged from all index files. Safe for concurrent readers and writers.</summary>
internal sealed class RepositoryIndex
{
    // Compact per-blob values: with hundreds of thousands of small files the index is most of a backup's memory.
    private readonly record struct BlobLocation(int Pack, uint Offset, uint Length, uint RawLength, BlobType Type, bool Compressed);

    private readonly Lock _lock = new();
    private readonly Dictionary<BlobId, BlobLocation> _blobs = [];
    private readonly Dictionary<BlobId, PackDescriptor> _packs = [];
    private readonly List<BlobId> _packIds = [];

    public int BlobCount { get { lock (_lock) return _blobs.Count; } }

    public IReadOnlyList<PackDescriptor> Packs { get { lock (_lock) return _packs.Values.ToList(); } }

    public HashSet<BlobId> IndexFiles { get; } = [];

    public void Add(PackDescriptor pack)
    {
        lock (_lock)
        {
            if (!_packs.TryAdd(pack.PackId, pack)) return;
            var number = _packIds.Count;
            _packIds.Add(pack.PackId);
            foreach (var e in pack.Entries) _blobs.TryAdd(e.Id, new BlobLocation(number, e.Offset, e.Length, e.RawLength, e.Type, e.Compressed));
        }
    }

    public bool Contains(BlobId id)
    {
        lock (_lock) return _blobs.ContainsKey(id);
    }

    public bool TryFind(BlobId id, out BlobId pack, out PackEntry entry)
    {
        lock (_lock)
        {
            if (_blobs.TryGetValue(id, out var found))
            {
                pack = _packIds[found.Pack];
                entry = new PackEntry(id, found.Type, found.Compressed, found.Offset, found.Length, found.RawLength);
                return true;
            }
        }
        pack = default;
        entry = default;
        return false;
    }

    public long PackSize(BlobId packId)
    {
        lock (_lock) return _packs.TryGetValue(packId, out var pack) ? pack.Size : -1;
    }

    public bool ContainsPack(BlobId packId)
    {
        lock (_lock) return _packs.ContainsKey(packId);
    }
}

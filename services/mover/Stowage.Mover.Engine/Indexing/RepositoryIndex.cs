using Stowage.Mover.Engine.Packs;

namespace Stowage.Mover.Engine.Indexing;

/// <summary>Where every blob is, merged from all index files. Safe for concurrent readers and writers.</summary>
internal sealed class RepositoryIndex
{
    private readonly Lock _lock = new();
    private readonly Dictionary<BlobId, (BlobId Pack, PackEntry Entry)> _blobs = [];
    private readonly Dictionary<BlobId, PackDescriptor> _packs = [];

    public int BlobCount { get { lock (_lock) return _blobs.Count; } }

    public IReadOnlyList<PackDescriptor> Packs { get { lock (_lock) return _packs.Values.ToList(); } }

    public HashSet<BlobId> IndexFiles { get; } = [];

    public void Add(PackDescriptor pack)
    {
        lock (_lock)
        {
            if (!_packs.TryAdd(pack.PackId, pack)) return;
            foreach (var entry in pack.Entries) _blobs.TryAdd(entry.Id, (pack.PackId, entry));
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
                (pack, entry) = found;
                return true;
            }
        }
        pack = default;
        entry = default;
        return false;
    }

    public bool ContainsPack(BlobId packId)
    {
        lock (_lock) return _packs.ContainsKey(packId);
    }
}

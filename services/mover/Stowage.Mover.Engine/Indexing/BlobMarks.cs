namespace Stowage.Mover.Engine.Indexing;

/// <summary>
/// A set of blob ids for walks over every snapshot (check, prune): one bit per indexed blob, by its place in
/// the index, instead of a hash set entry of about 50 bytes; only ids the index lacks are kept as ids.
/// The index must not change while the marks are in use.
/// </summary>
internal sealed class BlobMarks(RepositoryIndex index)
{
    private readonly ulong[] _bits = new ulong[(index.BlobCount + 63) / 64];
    private readonly HashSet<BlobId> _unindexed = [];

    /// <summary>Marks the id; false when it was marked already. Sets whether the index has it.</summary>
    public bool Add(BlobId id, out bool indexed)
    {
        var position = index.PositionOf(id);
        indexed = position >= 0;
        if (!indexed) return _unindexed.Add(id);
        ref var word = ref _bits[position >> 6];
        var bit = 1UL << (int)(position & 63);
        if ((word & bit) != 0) return false;
        word |= bit;
        return true;
    }

    public bool Add(BlobId id) => Add(id, out _);

    public bool Contains(BlobId id)
    {
        var position = index.PositionOf(id);
        return position >= 0 ? (_bits[position >> 6] & (1UL << (int)(position & 63))) != 0 : _unindexed.Contains(id);
    }
}

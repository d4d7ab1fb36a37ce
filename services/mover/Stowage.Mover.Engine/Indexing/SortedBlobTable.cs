namespace Stowage.Mover.Engine.Indexing;

/// <summary>
/// Index entries sorted by id, split into 4,096 shards by the id's top 12 bits. Each shard is one exactly sized
/// array, so memory is 49 bytes per entry; adding entries rebuilds only the shards they fall in, so a merge
/// never holds a second copy of the whole table. Not thread-safe: RepositoryIndex locks around it.
/// </summary>
internal sealed class SortedBlobTable
{
    public const int ShardBits = 12;
    private readonly IndexEntry[][] _shards = Enumerable.Repeat(Array.Empty<IndexEntry>(), 1 << ShardBits).ToArray();
    private long[]? _shardStarts;

    public long Count { get; private set; }

    public static int ShardOf(BlobId id) => (int)(id.Prefix >> (64 - ShardBits));

    /// <summary>The first entry with the id (entries of one id stay in the order they were added).</summary>
    public bool TryFind(BlobId id, out IndexEntry entry)
    {
        var shard = _shards[ShardOf(id)];
        var at = LowerBound(shard, id);
        if (at < shard.Length && shard[at].Id == id)
        {
            entry = shard[at];
            return true;
        }
        entry = default;
        return false;
    }

    /// <summary>The entry's place in id order, from 0 to Count - 1; -1 when absent. Stable until the next Merge.</summary>
    public long PositionOf(BlobId id)
    {
        var s = ShardOf(id);
        var shard = _shards[s];
        var at = LowerBound(shard, id);
        if (at >= shard.Length || shard[at].Id != id) return -1;
        _shardStarts ??= ShardStarts();
        return _shardStarts[s] + at;
    }

    /// <summary>The entry at a place in id order (see PositionOf).</summary>
    public IndexEntry EntryAt(long position)
    {
        _shardStarts ??= ShardStarts();
        int low = 0, high = _shardStarts.Length - 1;
        while (low < high)
        {
            var middle = (low + high + 1) >>> 1;
            if (_shardStarts[middle] <= position) low = middle;
            else high = middle - 1;
        }
        return _shards[low][position - _shardStarts[low]];
    }

    /// <summary>Adds entries that are sorted by id (ties in the order to keep).</summary>
    public void Merge(ReadOnlySpan<IndexEntry> sorted)
    {
        for (var start = 0; start < sorted.Length;)
        {
            var s = ShardOf(sorted[start].Id);
            var end = start + 1;
            while (end < sorted.Length && ShardOf(sorted[end].Id) == s) end++;
            _shards[s] = MergeShard(_shards[s], sorted[start..end]);
            start = end;
        }
        Count += sorted.Length;
        _shardStarts = null;
    }

    /// <summary>Makes sorted (by id, ties in the order to keep) the content of a shard that holds nothing yet.</summary>
    public void Adopt(int shard, IndexEntry[] sorted)
    {
        if (_shards[shard].Length != 0) throw new InvalidOperationException($"Shard {shard} is not empty.");
        _shards[shard] = sorted;
        Count += sorted.Length;
        _shardStarts = null;
    }

    /// <summary>Every entry in id order.</summary>
    public IEnumerable<IndexEntry> All()
    {
        foreach (var shard in _shards)
        {
            foreach (var entry in shard) yield return entry;
        }
    }

    private static IndexEntry[] MergeShard(IndexEntry[] old, ReadOnlySpan<IndexEntry> added)
    {
        var merged = new IndexEntry[old.Length + added.Length];
        int i = 0, j = 0, k = 0;
        while (i < old.Length && j < added.Length)
            merged[k++] = added[j].Id.CompareTo(old[i].Id) < 0 ? added[j++] : old[i++];
        while (i < old.Length) merged[k++] = old[i++];
        while (j < added.Length) merged[k++] = added[j++];
        return merged;
    }

    private static int LowerBound(IndexEntry[] shard, BlobId id)
    {
        int low = 0, high = shard.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (shard[middle].Id.CompareTo(id) < 0) low = middle + 1;
            else high = middle;
        }
        return low;
    }

    private long[] ShardStarts()
    {
        var starts = new long[_shards.Length];
        long sum = 0;
        for (var s = 0; s < _shards.Length; s++)
        {
            starts[s] = sum;
            sum += _shards[s].Length;
        }
        return starts;
    }
}

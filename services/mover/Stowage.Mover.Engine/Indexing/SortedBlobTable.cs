namespace Stowage.Mover.Engine.Indexing;

/// <summary>
/// Index entries sorted by id, split into 4,096 shards by the id's top 12 bits, 49 bytes per entry. A loaded shard
/// is one exactly sized array (see <see cref="IndexLoader"/>). Adding entries rebuilds only the shards they fall in,
/// so a merge never holds a second copy of the whole table; a shard that has to grow is given a quarter more room
/// than it needs, and later merges fill that room in place. Merging into exact arrays rewrote nearly every shard at
/// each merge (a sixteenth of the table): a first backup of N blobs copied about 16 N entries, as garbage. Not
/// thread-safe: RepositoryIndex locks around it.
/// </summary>
internal sealed class SortedBlobTable
{
    public const int ShardBits = 12;
    private const int RoomDivisor = 4;
    private readonly IndexEntry[][] _shards = Enumerable.Repeat(Array.Empty<IndexEntry>(), 1 << ShardBits).ToArray();
    private readonly int[] _used = new int[1 << ShardBits];
    private long[]? _shardStarts;

    public long Count { get; private set; }

    public static int ShardOf(BlobId id) => (int)(id.Prefix >> (64 - ShardBits));

    private ReadOnlySpan<IndexEntry> Shard(int s) => _shards[s].AsSpan(0, _used[s]);

    /// <summary>The first entry with the id (entries of one id stay in the order they were added).</summary>
    public bool TryFind(BlobId id, out IndexEntry entry)
    {
        var shard = Shard(ShardOf(id));
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
        var shard = Shard(s);
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
            MergeShard(s, sorted[start..end]);
            start = end;
        }
        Count += sorted.Length;
        _shardStarts = null;
    }

    /// <summary>Makes sorted (by id, ties in the order to keep) the content of a shard that holds nothing yet.</summary>
    public void Adopt(int shard, IndexEntry[] sorted)
    {
        if (_used[shard] != 0) throw new InvalidOperationException($"Shard {shard} is not empty.");
        _shards[shard] = sorted;
        _used[shard] = sorted.Length;
        Count += sorted.Length;
        _shardStarts = null;
    }

    /// <summary>Every entry in id order.</summary>
    public IEnumerable<IndexEntry> All()
    {
        for (var s = 0; s < _shards.Length; s++)
        {
            for (var i = 0; i < _used[s]; i++) yield return _shards[s][i];
        }
    }

    /// <summary>Merges from the back, in the shard's own room when it has enough (an entry already there stays before an equal one added).</summary>
    private void MergeShard(int s, ReadOnlySpan<IndexEntry> added)
    {
        var used = _used[s];
        var total = used + added.Length;
        var target = _shards[s];
        if (total > target.Length)
        {
            target = new IndexEntry[total + total / RoomDivisor];
            _shards[s].AsSpan(0, used).CopyTo(target);
            _shards[s] = target;
        }
        int i = used - 1, j = added.Length - 1, k = total - 1;
        while (j >= 0) target[k--] = i >= 0 && target[i].Id.CompareTo(added[j].Id) > 0 ? target[i--] : added[j--];
        _used[s] = total;
    }

    private static int LowerBound(ReadOnlySpan<IndexEntry> shard, BlobId id)
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
            sum += _used[s];
        }
        return starts;
    }
}

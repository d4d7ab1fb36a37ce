namespace Stowage.Mover.Engine.Indexing;

/// <summary>
/// Index entries sorted by key, split into the 4,096 <see cref="BlobShards"/>: <see cref="IndexEntry"/> (the whole id,
/// 49 bytes) or <see cref="LookupEntry"/> (a 12-byte key, 30 bytes). A loaded shard
/// is one exactly sized array (see <see cref="IndexLoader{TEntry}"/>). Adding entries rebuilds only the shards they fall in,
/// so a merge never holds a second copy of the whole table; a shard that has to grow is given a quarter more room
/// than it needs, and later merges fill that room in place. Merging into exact arrays rewrote nearly every shard at
/// each merge (a sixteenth of the table): a first backup of N blobs copied about 16 N entries, as garbage. Not
/// thread-safe: RepositoryIndex locks around it.
/// </summary>
internal sealed class SortedBlobTable<TEntry> : IBlobTable where TEntry : struct, IBlobTableEntry<TEntry>
{
    private const int RoomDivisor = 4;
    private readonly TEntry[][] _shards = Enumerable.Repeat(Array.Empty<TEntry>(), BlobShards.Count).ToArray();
    private readonly int[] _used = new int[BlobShards.Count];
    private long[]? _shardStarts;
    private long _capacity;

    public long Count { get; private set; }

    public long Bytes => _capacity * TEntry.Bytes;

    public bool HoldsIds => TEntry.HoldsIds;

    private ReadOnlySpan<TEntry> Shard(int s) => _shards[s].AsSpan(0, _used[s]);

    public bool TryFind(BlobId id, out IndexEntry entry)
    {
        var shard = Shard(BlobShards.Of(id.Prefix));
        var at = LowerBound(shard, id);
        if (at < shard.Length && shard[at].CompareTo(id) == 0)
        {
            entry = shard[at].ToIndexEntry(id);
            return true;
        }
        entry = default;
        return false;
    }

    public long PositionOf(BlobId id)
    {
        var s = BlobShards.Of(id.Prefix);
        var shard = Shard(s);
        var at = LowerBound(shard, id);
        if (at >= shard.Length || shard[at].CompareTo(id) != 0) return -1;
        _shardStarts ??= ShardStarts();
        return _shardStarts[s] + at;
    }

    public IndexEntry EntryAt(long position)
    {
        if (!TEntry.HoldsIds) throw new InvalidOperationException("The entries of this table hold only a prefix of their ids.");
        _shardStarts ??= ShardStarts();
        int low = 0, high = _shardStarts.Length - 1;
        while (low < high)
        {
            var middle = (low + high + 1) >>> 1;
            if (_shardStarts[middle] <= position) low = middle;
            else high = middle - 1;
        }
        return _shards[low][position - _shardStarts[low]].ToIndexEntry(default);
    }

    public void Merge(IndexEntry[] added)
    {
        // Stable, so a duplicate stays behind the entry that was added first.
        var order = Enumerable.Range(0, added.Length).ToArray();
        Array.Sort(order, (x, y) => added[x].Id.CompareTo(added[y].Id) is var c && c != 0 ? c : x.CompareTo(y));
        var sorted = new TEntry[added.Length];
        for (var i = 0; i < order.Length; i++) sorted[i] = TEntry.From(added[order[i]]);
        for (var start = 0; start < sorted.Length;)
        {
            var s = BlobShards.Of(sorted[start].Prefix);
            var end = start + 1;
            while (end < sorted.Length && BlobShards.Of(sorted[end].Prefix) == s) end++;
            MergeShard(s, sorted.AsSpan(start..end));
            start = end;
        }
        Count += sorted.Length;
        _shardStarts = null;
    }

    /// <summary>Makes sorted (by key, ties in the order to keep) the content of a shard that holds nothing yet.</summary>
    public void Adopt(int shard, TEntry[] sorted)
    {
        if (_used[shard] != 0) throw new InvalidOperationException($"Shard {shard} is not empty.");
        _shards[shard] = sorted;
        _used[shard] = sorted.Length;
        _capacity += sorted.Length;
        Count += sorted.Length;
        _shardStarts = null;
    }

    public IEnumerable<int> PackNumbers()
    {
        for (var s = 0; s < _shards.Length; s++)
        {
            for (var i = 0; i < _used[s]; i++) yield return _shards[s][i].Pack;
        }
    }

    /// <summary>Merges from the back, in the shard's own room when it has enough (an entry already there stays before an equal one added).</summary>
    private void MergeShard(int s, ReadOnlySpan<TEntry> added)
    {
        var used = _used[s];
        var total = used + added.Length;
        var target = _shards[s];
        if (total > target.Length)
        {
            target = new TEntry[total + total / RoomDivisor];
            _capacity += target.Length - _shards[s].Length;
            _shards[s].AsSpan(0, used).CopyTo(target);
            _shards[s] = target;
        }
        int i = used - 1, j = added.Length - 1, k = total - 1;
        while (j >= 0) target[k--] = i >= 0 && target[i].CompareKeyTo(added[j]) > 0 ? target[i--] : added[j--];
        _used[s] = total;
    }

    private static int LowerBound(ReadOnlySpan<TEntry> shard, BlobId id)
    {
        int low = 0, high = shard.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (shard[middle].CompareTo(id) < 0) low = middle + 1;
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

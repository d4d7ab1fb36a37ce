using Stowage.Mover.Engine.Packs;

namespace Stowage.Mover.Engine.Indexing;

/// <summary>
/// Where every blob is, merged from all index files (by <see cref="IndexLoader{TEntry}"/>). Safe for concurrent readers
/// and writers. Blobs live in a sorted table, 49 bytes each with whole ids, or 30 for an index loaded only to find
/// blobs (<see cref="LookupEntry"/>, a restore); those added since the last merge wait in a small hash table (at most
/// a sixteenth of the sorted one, about 100 bytes each), so an index of N blobs a backup grows holds about 55 N bytes.
/// Every entry of every pack is kept, duplicates included; lookups return the first one added.
/// </summary>
internal sealed class RepositoryIndex
{
    private const int MinimumStaging = 16 * 1024;
    private const int StagedEntryBytes = 100;
    private const int PackBytes = 100;

    private readonly Lock _lock = new();
    private readonly IBlobTable _table;
    private readonly Dictionary<BlobId, IndexEntry> _staged = [];
    private readonly List<IndexEntry> _stagedDuplicates = [];
    private readonly Dictionary<BlobId, int> _packNumbers;
    private readonly List<(BlobId Id, long Size)> _packs;

    public RepositoryIndex() : this(new SortedBlobTable<IndexEntry>(), [], [])
    {
    }

    /// <summary>An index of the packs given, numbered by their place in packs, whose entries the table holds (see <see cref="IndexLoader{TEntry}"/>).</summary>
    internal RepositoryIndex(IBlobTable table, List<(BlobId Id, long Size)> packs, Dictionary<BlobId, int> packNumbers)
    {
        _table = table;
        _packs = packs;
        _packNumbers = packNumbers;
    }

    public long BlobCount { get { lock (_lock) return _table.Count + _staged.Count + _stagedDuplicates.Count; } }

    /// <summary>What the index holds in memory, roughly (see the class summary).</summary>
    public long ApproximateBytes
    {
        get
        {
            lock (_lock)
            {
                var staged = _staged.Count + _stagedDuplicates.Count;
                return _table.Bytes + (long)staged * StagedEntryBytes + (long)_packs.Count * PackBytes;
            }
        }
    }

    public int PackCount { get { lock (_lock) return _packs.Count; } }

    public HashSet<BlobId> IndexFiles { get; } = [];

    public void Add(PackDescriptor pack)
    {
        lock (_lock)
        {
            if (!_packNumbers.TryAdd(pack.PackId, _packs.Count)) return;
            var number = _packs.Count;
            _packs.Add((pack.PackId, pack.Size));
            foreach (var e in pack.Entries)
            {
                var entry = IndexEntry.From(e, number);
                if (_table.TryFind(e.Id, out _) || !_staged.TryAdd(e.Id, entry)) _stagedDuplicates.Add(entry);
            }
            if (_staged.Count + _stagedDuplicates.Count >= Math.Max(MinimumStaging, _table.Count / 16)) MergeStaged();
        }
    }

    /// <summary>Whether the blob is stored; only for an index of whole ids, as deduplication depends on it.</summary>
    public bool Contains(BlobId id)
    {
        RequireIds(nameof(Contains));
        lock (_lock) return _table.TryFind(id, out _) || _staged.ContainsKey(id);
    }

    public bool TryFind(BlobId id, out BlobId pack, out PackEntry entry)
    {
        lock (_lock)
        {
            if (_table.TryFind(id, out var found) || _staged.TryGetValue(id, out found))
            {
                pack = _packs[found.Pack].Id;
                entry = found.ToPackEntry();
                return true;
            }
        }
        pack = default;
        entry = default;
        return false;
    }

    /// <summary>The blob's place among all entries in id order, or -1; stable while nothing is added.</summary>
    public long PositionOf(BlobId id)
    {
        RequireIds(nameof(PositionOf));
        lock (_lock)
        {
            MergeStaged();
            return _table.PositionOf(id);
        }
    }

    public long PackSize(BlobId packId)
    {
        lock (_lock) return _packNumbers.TryGetValue(packId, out var number) ? _packs[number].Size : -1;
    }

    public bool ContainsPack(BlobId packId)
    {
        lock (_lock) return _packNumbers.ContainsKey(packId);
    }

    /// <summary>Every pack's id and size.</summary>
    public List<(BlobId Id, long Size)> PackSizes()
    {
        lock (_lock) return [.. _packs];
    }

    /// <summary>
    /// Every pack with its entries, one pack at a time: only 4 bytes per blob (its place, ordered by pack) are
    /// held for the whole enumeration. Must not run while blobs are being added.
    /// </summary>
    public IEnumerable<PackDescriptor> EnumeratePacks()
    {
        RequireIds(nameof(EnumeratePacks));
        uint[] byPack;
        int[] starts;
        lock (_lock)
        {
            MergeStaged();
            (byPack, starts) = PlacesByPack();
        }
        for (var pack = 0; pack < starts.Length - 1; pack++)
        {
            var entries = new PackEntry[starts[pack + 1] - starts[pack]];
            lock (_lock)
            {
                for (var i = 0; i < entries.Length; i++) entries[i] = _table.EntryAt(byPack[starts[pack] + i]).ToPackEntry();
            }
            Array.Sort(entries, (a, b) => a.Offset.CompareTo(b.Offset));
            yield return new PackDescriptor(_packs[pack].Id, _packs[pack].Size, entries);
        }
    }

    private (uint[] Places, int[] Starts) PlacesByPack()
    {
        var starts = new int[_packs.Count + 1];
        foreach (var pack in _table.PackNumbers()) starts[pack + 1]++;
        for (var p = 0; p < _packs.Count; p++) starts[p + 1] += starts[p];
        var next = starts.ToArray();
        var places = new uint[_table.Count];
        uint position = 0;
        foreach (var pack in _table.PackNumbers()) places[next[pack]++] = position++;
        return (places, starts);
    }

    private void MergeStaged()
    {
        if (_staged.Count + _stagedDuplicates.Count == 0) return;
        var added = new IndexEntry[_staged.Count + _stagedDuplicates.Count];
        _staged.Values.CopyTo(added, 0);
        _stagedDuplicates.CopyTo(added, _staged.Count);
        _table.Merge(added);
        _staged.Clear();
        _stagedDuplicates.Clear();
    }

    private void RequireIds(string operation)
    {
        if (!_table.HoldsIds)
            throw new InvalidOperationException($"{operation} needs an index of whole ids; this one was loaded only to find blobs by a prefix of their ids.");
    }
}

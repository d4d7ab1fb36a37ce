using Stowage.Mover.Engine.Packs;

namespace Stowage.Mover.Engine.Indexing;

/// <summary>
/// Builds the index from a repository's index files in two passes over them: the first counts each shard's entries,
/// the second puts every entry into its shard, allocated at its exact size once. Adding the files' packs as a backup
/// adds them merged every few files into the sorted table, which rebuilt nearly every shard each time (a million
/// blobs: 894 MiB allocated, a 93 MiB heap for 55 MiB of entries); holding the entries until their count was known
/// still left a copy as garbage. Reading the index files twice costs their download and decryption again (about
/// 41 bytes per blob), not memory. Files are passed from several threads at once; each pass sees every file.
/// TEntry is what the index keeps per blob: <see cref="IndexEntry"/>, or <see cref="LookupEntry"/> to only find blobs.
/// </summary>
internal sealed class IndexLoader<TEntry> where TEntry : struct, IBlobTableEntry<TEntry>
{
    private readonly Lock _lock = new();
    private readonly Dictionary<BlobId, (int Number, string File, int EntriesAt)> _owners = [];
    private readonly List<(BlobId Id, long Size)> _packs = [];
    private readonly int[] _sizes = new int[BlobShards.Count];
    private TEntry[][]? _shards;
    private int[]? _filled;

    /// <summary>
    /// First pass: numbers the file's packs and counts their entries. A pack listed before (by another file, or
    /// earlier in this one) is left to that listing, as adding packs one by one ignores a pack it knows.
    /// </summary>
    public void Count(byte[] payload, string file)
    {
        var sizes = new int[_sizes.Length];
        foreach (var (packId, size, at, count) in IndexFileCodec.ReadLayout(payload, file))
        {
            lock (_lock)
            {
                if (!_owners.TryAdd(packId, (_packs.Count, file, at))) continue;
                _packs.Add((packId, size));
            }
            for (var i = 0; i < count; i++) sizes[BlobShards.Of(Entry(payload, at, i).Id.Prefix)]++;
        }
        lock (_lock)
        {
            for (var s = 0; s < sizes.Length; s++) _sizes[s] += sizes[s];
        }
    }

    /// <summary>Second pass: the entries of the file's packs go into their shards.</summary>
    public void Fill(byte[] payload, string file)
    {
        lock (_lock)
        {
            _shards ??= [.. _sizes.Select(size => new TEntry[size])];
            _filled ??= new int[_sizes.Length];
        }
        foreach (var (packId, _, at, count) in IndexFileCodec.ReadLayout(payload, file))
        {
            if (!_owners.TryGetValue(packId, out var owner) || owner.File != file || owner.EntriesAt != at) continue;
            for (var i = 0; i < count; i++)
            {
                var entry = TEntry.From(IndexEntry.From(Entry(payload, at, i), owner.Number));
                var s = BlobShards.Of(entry.Prefix);
                var slot = Interlocked.Increment(ref _filled[s]) - 1;
                if (slot >= _shards[s].Length) throw Changed(file);
                _shards[s][slot] = entry;
            }
        }
    }

    /// <summary>The index of every file passed twice: each shard sorted, a blob in several packs first in the pack numbered first.</summary>
    public RepositoryIndex Build()
    {
        var table = new SortedBlobTable<TEntry>();
        if (_shards is { } shards)
        {
            for (var s = 0; s < shards.Length; s++)
            {
                if (_filled![s] != shards[s].Length) throw Changed("a file");
                Array.Sort(shards[s], FirstPackFirst.Instance);
                table.Adopt(s, shards[s]);
            }
        }
        return new RepositoryIndex(table, _packs, _owners.ToDictionary(o => o.Key, o => o.Value.Number));
    }

    private static PackEntry Entry(byte[] payload, int at, int i) => PackEntryCodec.Read(payload.AsSpan(at + i * PackEntryCodec.Size, PackEntryCodec.Size));

    private static RepositoryDamagedException Changed(string file) =>
        new($"Index {file} held other entries when it was read again (changed while the index was loading).");

    /// <summary>By key, then pack number, then offset: the order in which adding packs one by one keeps them.</summary>
    private sealed class FirstPackFirst : IComparer<TEntry>
    {
        public static readonly FirstPackFirst Instance = new();

        public int Compare(TEntry x, TEntry y) =>
            x.CompareKeyTo(y) is var c && c != 0 ? c : x.Pack != y.Pack ? x.Pack.CompareTo(y.Pack) : x.Offset.CompareTo(y.Offset);
    }
}

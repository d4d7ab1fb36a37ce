using System.Runtime.InteropServices;
using Stowage.Mover.Engine.Packs;

namespace Stowage.Mover.Engine.Indexing;

/// <summary>
/// A blob's place keyed by the first 12 bytes of its id, not all 32: 30 bytes, packed, against 49 for an
/// <see cref="IndexEntry"/>. For an index that only finds blobs (a restore). Ids are keyed hashes, so two blobs of one
/// repository share 96 bits with odds of about n² / 2⁹⁷ (10⁻¹³ at a hundred million blobs); if they ever do, the blob
/// read is opened with the id asked for, which its authentication tag binds, so it fails loudly instead of restoring
/// the wrong bytes. Never for deciding that a blob is stored (a backup's deduplication) or for marking ids (check, prune).
/// </summary>
[StructLayout(LayoutKind.Sequential, Pack = 1)]
internal readonly struct LookupEntry : IBlobTableEntry<LookupEntry>
{
    private readonly ulong _prefix;
    private readonly uint _next;
    private readonly int _pack;
    private readonly uint _offset;
    private readonly uint _length;
    private readonly uint _rawLength;
    private readonly BlobType _type;
    private readonly bool _compressed;

    private LookupEntry(IndexEntry entry)
    {
        (_prefix, _next) = KeyOf(entry.Id);
        _pack = entry.Pack;
        _offset = entry.Offset;
        _length = entry.Length;
        _rawLength = entry.RawLength;
        _type = entry.Type;
        _compressed = entry.Compressed;
    }

    public static int Bytes => 30;

    public static bool HoldsIds => false;

    public ulong Prefix => _prefix;

    public int Pack => _pack;

    public uint Offset => _offset;

    public static LookupEntry From(IndexEntry entry) => new(entry);

    public int CompareTo(BlobId id)
    {
        var (prefix, next) = KeyOf(id);
        return _prefix != prefix ? _prefix.CompareTo(prefix) : _next.CompareTo(next);
    }

    public int CompareKeyTo(LookupEntry other) => _prefix != other._prefix ? _prefix.CompareTo(other._prefix) : _next.CompareTo(other._next);

    public IndexEntry ToIndexEntry(BlobId id) => new(id, _pack, _offset, _length, _rawLength, _type, _compressed);

    private static (ulong Prefix, uint Next) KeyOf(BlobId id) => (id.Prefix, id.SecondWordHigh);
}

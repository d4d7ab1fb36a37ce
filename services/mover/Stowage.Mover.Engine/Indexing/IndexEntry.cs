using System.Runtime.InteropServices;
using Stowage.Mover.Engine.Packs;

namespace Stowage.Mover.Engine.Indexing;

/// <summary>
/// One blob's place in the in-memory index: 49 bytes, packed (id 32, pack number 4, offset 4, length 4, raw
/// length 4, flags 1). With millions of small files the index is most of what a run must hold, so no padding.
/// </summary>
[StructLayout(LayoutKind.Sequential, Pack = 1)]
internal readonly struct IndexEntry(BlobId id, int pack, uint offset, uint length, uint rawLength, BlobType type, bool compressed)
    : IBlobTableEntry<IndexEntry>
{
    public static int Bytes => 49;

    public static bool HoldsIds => true;

    public readonly BlobId Id = id;
    public readonly int Pack = pack;
    public readonly uint Offset = offset;
    public readonly uint Length = length;
    public readonly uint RawLength = rawLength;
    private readonly byte _flags = (byte)((byte)type | (compressed ? 0x80 : 0));

    public BlobType Type => (BlobType)(_flags & 0x7F);
    public bool Compressed => (_flags & 0x80) != 0;

    public ulong Prefix => Id.Prefix;

    int IBlobTableEntry<IndexEntry>.Pack => Pack;

    uint IBlobTableEntry<IndexEntry>.Offset => Offset;

    public static IndexEntry From(IndexEntry entry) => entry;

    public int CompareTo(BlobId id) => Id.CompareTo(id);

    public int CompareKeyTo(IndexEntry other) => Id.CompareTo(other.Id);

    public IndexEntry ToIndexEntry(BlobId id) => this;

    public PackEntry ToPackEntry() => new(Id, Type, Compressed, Offset, Length, RawLength);

    public static IndexEntry From(PackEntry entry, int pack) =>
        new(entry.Id, pack, entry.Offset, entry.Length, entry.RawLength, entry.Type, entry.Compressed);
}

using System.Buffers.Binary;
using Stowage.Mover.Engine.Packs;

namespace Stowage.Mover.Engine.Indexing;

/// <summary>Binary payload of an index file: "SIX1", then per pack its id, size, entry count and entries.</summary>
internal static class IndexFileCodec
{
    private static readonly byte[] Magic = "SIX1"u8.ToArray();

    public static byte[] Write(IReadOnlyList<PackDescriptor> packs)
    {
        var size = Magic.Length + packs.Sum(p => BlobId.Size + 12 + p.Entries.Count * PackEntryCodec.Size);
        var bytes = new byte[size];
        Magic.CopyTo(bytes, 0);
        var offset = Magic.Length;
        foreach (var pack in packs)
        {
            pack.PackId.WriteTo(bytes.AsSpan(offset));
            BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(offset + 32), pack.Size);
            BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(offset + 40), pack.Entries.Count);
            offset += BlobId.Size + 12;
            foreach (var entry in pack.Entries)
            {
                PackEntryCodec.Write(entry, bytes.AsSpan(offset, PackEntryCodec.Size));
                offset += PackEntryCodec.Size;
            }
        }
        return bytes;
    }

    /// <summary>The packs one at a time, so a large index file is never held twice (as bytes and as entries).</summary>
    public static IEnumerable<PackDescriptor> Read(byte[] payload, string where)
    {
        CheckMagic(payload, where);
        var offset = Magic.Length;
        while (offset < payload.Length)
        {
            yield return ReadPack(payload, ref offset, where);
        }
    }

    /// <summary>Each pack's id, size and where its entries lie in the payload, without decoding the entries.</summary>
    public static List<(BlobId PackId, long Size, int EntriesAt, int Count)> ReadLayout(byte[] payload, string where)
    {
        CheckMagic(payload, where);
        var packs = new List<(BlobId, long, int, int)>();
        for (var offset = Magic.Length; offset < payload.Length;)
        {
            var (packId, size, count) = ReadHeader(payload, ref offset, where);
            packs.Add((packId, size, offset, count));
            offset += count * PackEntryCodec.Size;
        }
        return packs;
    }

    private static void CheckMagic(byte[] payload, string where)
    {
        if (payload.Length < Magic.Length || !payload.AsSpan(0, Magic.Length).SequenceEqual(Magic))
            throw new RepositoryDamagedException($"Index {where} has an unknown format.");
    }

    private static PackDescriptor ReadPack(ReadOnlySpan<byte> bytes, ref int offset, string where)
    {
        var (packId, size, count) = ReadHeader(bytes, ref offset, where);
        var entries = PackEntryCodec.ReadAll(bytes.Slice(offset, count * PackEntryCodec.Size));
        offset += count * PackEntryCodec.Size;
        return new PackDescriptor(packId, size, entries);
    }

    /// <summary>A pack's id, size and entry count; offset moves to its first entry, all of which the payload holds.</summary>
    private static (BlobId PackId, long Size, int Count) ReadHeader(ReadOnlySpan<byte> bytes, ref int offset, string where)
    {
        if (bytes.Length - offset < BlobId.Size + 12) throw new RepositoryDamagedException($"Index {where} is truncated.");
        var packId = new BlobId(bytes.Slice(offset, BlobId.Size));
        var size = BinaryPrimitives.ReadInt64LittleEndian(bytes[(offset + 32)..]);
        var count = BinaryPrimitives.ReadInt32LittleEndian(bytes[(offset + 40)..]);
        offset += BlobId.Size + 12;
        if (count < 0 || bytes.Length - offset < (long)count * PackEntryCodec.Size)
            throw new RepositoryDamagedException($"Index {where} is truncated.");
        return (packId, size, count);
    }
}

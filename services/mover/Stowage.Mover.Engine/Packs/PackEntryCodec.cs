using System.Buffers.Binary;
using Stowage.Mover.Engine.Crypto;
using Stowage.Mover.Engine.Repository;

namespace Stowage.Mover.Engine.Packs;

/// <summary>The 46-byte binary form of a pack entry, shared by pack headers and index files.</summary>
internal static class PackEntryCodec
{
    public const int Size = 46;

    public static void Write(PackEntry entry, Span<byte> output)
    {
        output[0] = (byte)entry.Type;
        output[1] = entry.Compressed ? (byte)1 : (byte)0;
        entry.Id.WriteTo(output.Slice(2, BlobId.Size));
        BinaryPrimitives.WriteUInt32LittleEndian(output[34..], entry.Offset);
        BinaryPrimitives.WriteUInt32LittleEndian(output[38..], entry.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(output[42..], entry.RawLength);
    }

    public static PackEntry Read(ReadOnlySpan<byte> input)
    {
        var type = (BlobType)input[0];
        if (type is not (BlobType.Data or BlobType.Tree)) throw new RepositoryDamagedException($"Unknown blob type {input[0]}.");
        var entry = new PackEntry(new BlobId(input.Slice(2, BlobId.Size)), type, input[1] == 1,
            BinaryPrimitives.ReadUInt32LittleEndian(input[34..]),
            BinaryPrimitives.ReadUInt32LittleEndian(input[38..]),
            BinaryPrimitives.ReadUInt32LittleEndian(input[42..]));
        // Readers size buffers by these lengths. A stored blob is never longer than its plaintext and the seal,
        // since a blob that zstd does not shrink is stored raw.
        if (entry.RawLength > RepositoryLimits.MaxBlobBytes || entry.Length < AuthenticatedCipher.Overhead
            || entry.Length > (ulong)entry.RawLength + AuthenticatedCipher.Overhead)
            throw new RepositoryDamagedException(
                $"Blob {entry.Id.ToShortString()} declares {entry.Length} stored and {entry.RawLength} plain bytes, which no blob has (damaged or altered).");
        return entry;
    }

    public static byte[] WriteAll(IReadOnlyList<PackEntry> entries)
    {
        var bytes = new byte[entries.Count * Size];
        for (var i = 0; i < entries.Count; i++) Write(entries[i], bytes.AsSpan(i * Size, Size));
        return bytes;
    }

    public static List<PackEntry> ReadAll(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length % Size != 0) throw new RepositoryDamagedException("A pack header has a partial entry.");
        var entries = new List<PackEntry>(bytes.Length / Size);
        for (var offset = 0; offset < bytes.Length; offset += Size) entries.Add(Read(bytes.Slice(offset, Size)));
        return entries;
    }
}

using System.Buffers.Binary;
using Stowage.Mover.Engine.Crypto;

namespace Stowage.Mover.Engine.Packs;

/// <summary>Reads the entry list stored at the end of a pack.</summary>
internal static class PackHeaderReader
{
    public static List<PackEntry> Read(ReadOnlySpan<byte> pack, AuthenticatedCipher cipher, string where)
    {
        if (pack.Length < 4) throw new RepositoryDamagedException($"Pack {where} is truncated.");
        var headerLength = (int)BinaryPrimitives.ReadUInt32LittleEndian(pack[^4..]);
        if (headerLength < AuthenticatedCipher.Overhead || headerLength > pack.Length - 4)
            throw new RepositoryDamagedException($"Pack {where} has a bad header length.");
        var header = cipher.Open(pack.Slice(pack.Length - 4 - headerLength, headerLength), PackBuilder.HeaderAssociatedData, $"Header of pack {where}");
        return PackEntryCodec.ReadAll(header);
    }
}

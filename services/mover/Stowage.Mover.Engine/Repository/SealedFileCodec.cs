using System.Text;
using Stowage.Mover.Engine.Compression;
using Stowage.Mover.Engine.Crypto;

namespace Stowage.Mover.Engine.Repository;

/// <summary>
/// Index, snapshot, manifest and lock files: one byte of format (0 raw, 1 zstd) and the payload, sealed with
/// AES-GCM whose associated data names the kind of file, so one kind cannot be passed off as another.
/// </summary>
internal sealed class SealedFileCodec(AuthenticatedCipher cipher, BlobCompressor compressor)
{
    public byte[] Seal(string kind, ReadOnlySpan<byte> payload)
    {
        if (payload.Length > RepositoryLimits.MaxSealedFileBytes)
            throw new InvalidOperationException($"A {kind} file of {payload.Length} bytes is larger than readers accept ({RepositoryLimits.MaxSealedFileBytes}).");
        var buffer = new byte[1 + BlobCompressor.MaxCompressedLength(payload.Length)];
        var compressed = compressor.TryCompress(payload, buffer.AsSpan(1));
        int length;
        if (compressed >= 0)
        {
            buffer[0] = 1;
            length = 1 + compressed;
        }
        else
        {
            buffer[0] = 0;
            payload.CopyTo(buffer.AsSpan(1));
            length = 1 + payload.Length;
        }
        return cipher.Seal(buffer.AsSpan(0, length), AssociatedData(kind));
    }

    public byte[] Open(string kind, ReadOnlySpan<byte> stored, string what)
    {
        var plain = cipher.Open(stored, AssociatedData(kind), what);
        if (plain.Length == 0) throw new RepositoryDamagedException($"{what} is empty.");
        if (plain[0] == 0) return plain[1..];
        if (plain[0] != 1) throw new RepositoryDamagedException($"{what} has an unknown format.");
        var size = BlobCompressor.DecompressedSize(plain.AsSpan(1));
        if (size > RepositoryLimits.MaxSealedFileBytes)
            throw new RepositoryDamagedException($"{what} declares {size} bytes, more than the {RepositoryLimits.MaxSealedFileBytes} a {kind} file may hold (damaged or altered).");
        var output = new byte[size];
        compressor.Decompress(plain.AsSpan(1), output);
        return output;
    }

    private static byte[] AssociatedData(string kind) => Encoding.ASCII.GetBytes("stowage/v1/" + kind);
}

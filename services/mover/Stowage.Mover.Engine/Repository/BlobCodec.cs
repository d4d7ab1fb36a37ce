using System.Buffers;
using Stowage.Mover.Engine.Crypto;
using Stowage.Mover.Engine.Packs;

namespace Stowage.Mover.Engine.Repository;

/// <summary>Turns a plaintext blob into its stored form (optionally zstd, then AES-GCM bound to the blob id) and back.</summary>
internal sealed class BlobCodec(RepositoryKeys keys)
{
    /// <summary>A sealed blob in a rented buffer; the caller returns Buffer to the shared pool.</summary>
    public readonly record struct SealedBlob(byte[] Buffer, int Length, bool Compressed, int RawLength);

    public SealedBlob Seal(BlobId id, ReadOnlySpan<byte> plain)
    {
        Span<byte> aad = stackalloc byte[BlobId.Size];
        id.WriteTo(aad);
        // One buffer: compress into its payload area, then encrypt in place (AES-GCM allows exact overlap).
        var output = EngineBuffers.Pool.Rent(AuthenticatedCipher.NonceSize + BlobCompressorBound(plain.Length) + AuthenticatedCipher.TagSize);
        var payloadArea = output.AsSpan(AuthenticatedCipher.NonceSize, output.Length - AuthenticatedCipher.Overhead);
        var compressedLength = keys.Compressor.TryCompress(plain, payloadArea);
        var payloadLength = compressedLength >= 0 ? compressedLength : plain.Length;
        if (compressedLength < 0) plain.CopyTo(payloadArea);
        var sealedLength = AuthenticatedCipher.SealedLength(payloadLength);
        keys.Cipher.SealInPlace(output.AsSpan(0, sealedLength), aad);
        return new SealedBlob(output, sealedLength, compressedLength >= 0, plain.Length);
    }

    /// <summary>Decrypts, decompresses and checks the keyed hash; returns the plaintext length written to output.</summary>
    public int Open(PackEntry entry, ReadOnlySpan<byte> sealedBlob, Span<byte> output, string where)
    {
        Span<byte> aad = stackalloc byte[BlobId.Size];
        entry.Id.WriteTo(aad);
        var payloadLength = sealedBlob.Length - AuthenticatedCipher.Overhead;
        if (payloadLength < 0) throw new RepositoryDamagedException($"Blob {entry.Id.ToShortString()} in {where} is truncated.");
        var scratch = entry.Compressed ? EngineBuffers.Pool.Rent(payloadLength) : null;
        try
        {
            var payload = entry.Compressed ? scratch.AsSpan(0, payloadLength) : output[..payloadLength];
            if (!keys.Cipher.TryOpen(sealedBlob, aad, payload))
                throw new RepositoryDamagedException($"Blob {entry.Id.ToShortString()} in {where} failed authentication (damaged or altered).");
            var length = payloadLength;
            if (entry.Compressed)
            {
                try { length = keys.Compressor.Decompress(payload, output[..(int)entry.RawLength]); }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    throw new RepositoryDamagedException($"Blob {entry.Id.ToShortString()} in {where} does not decompress.", e);
                }
            }
            if (length != entry.RawLength || keys.IdHasher.Hash(output[..length]) != entry.Id)
                throw new RepositoryDamagedException($"Blob {entry.Id.ToShortString()} in {where} does not match its id.");
            return length;
        }
        finally
        {
            if (scratch is not null) EngineBuffers.Pool.Return(scratch);
        }
    }

    public byte[] Open(PackEntry entry, ReadOnlySpan<byte> sealedBlob, string where)
    {
        var output = new byte[entry.RawLength];
        Open(entry, sealedBlob, output, where);
        return output;
    }

    private static int BlobCompressorBound(int length) => Compression.BlobCompressor.MaxCompressedLength(length);
}

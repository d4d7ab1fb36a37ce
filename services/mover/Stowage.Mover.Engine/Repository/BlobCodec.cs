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
        var payloadLength = PayloadLength(entry, sealedBlob, where);
        if (!entry.Compressed) return OpenInto(entry, sealedBlob, output[..payloadLength], output, where, rehash: true);
        var scratch = EngineBuffers.Pool.Rent(payloadLength);
        try
        {
            return OpenInto(entry, sealedBlob, scratch.AsSpan(0, payloadLength), output, where, rehash: true);
        }
        finally
        {
            EngineBuffers.Pool.Return(scratch);
        }
    }

    /// <summary>
    /// For restores: as Open, but a compressed payload is decrypted where its ciphertext lies (no scratch buffer), and
    /// the plaintext is not hashed again. The seal already proves the blob is the one stored under its id: its tag
    /// covers the payload and, as associated data, the id, and only the master secret's holder can make one, who also
    /// holds the chunk-id key. Re-hashing was 12 % of a restore's CPU; check --read-data still does it.
    /// </summary>
    public int OpenInPlace(PackEntry entry, Span<byte> sealedBlob, Span<byte> output, string where)
    {
        var payloadLength = PayloadLength(entry, sealedBlob, where);
        var payload = entry.Compressed ? sealedBlob.Slice(AuthenticatedCipher.NonceSize, payloadLength) : output[..payloadLength];
        return OpenInto(entry, sealedBlob, payload, output, where, rehash: false);
    }

    private static int PayloadLength(PackEntry entry, ReadOnlySpan<byte> sealedBlob, string where)
    {
        var payloadLength = sealedBlob.Length - AuthenticatedCipher.Overhead;
        return payloadLength >= 0 ? payloadLength : throw new RepositoryDamagedException($"Blob {entry.Id.ToShortString()} in {where} is truncated.");
    }

    private int OpenInto(PackEntry entry, ReadOnlySpan<byte> sealedBlob, Span<byte> payload, Span<byte> output, string where, bool rehash)
    {
        Span<byte> aad = stackalloc byte[BlobId.Size];
        entry.Id.WriteTo(aad);
        if (!keys.Cipher.TryOpen(sealedBlob, aad, payload))
            throw new RepositoryDamagedException($"Blob {entry.Id.ToShortString()} in {where} failed authentication (damaged or altered).");
        var length = payload.Length;
        if (entry.Compressed)
        {
            try { length = keys.Compressor.Decompress(payload, output[..(int)entry.RawLength]); }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                throw new RepositoryDamagedException($"Blob {entry.Id.ToShortString()} in {where} does not decompress.", e);
            }
        }
        if (length != entry.RawLength || (rehash && keys.IdHasher.Hash(output[..length]) != entry.Id))
            throw new RepositoryDamagedException($"Blob {entry.Id.ToShortString()} in {where} does not match its id.");
        return length;
    }

    public byte[] Open(PackEntry entry, ReadOnlySpan<byte> sealedBlob, string where)
    {
        var output = new byte[entry.RawLength];
        Open(entry, sealedBlob, output, where);
        return output;
    }

    private static int BlobCompressorBound(int length) => Compression.BlobCompressor.MaxCompressedLength(length);
}

namespace Stowage.Mover.Engine.Crypto;

/// <summary>Blob ids are BLAKE3 keyed with a per-repository key, so ids reveal nothing about content to the bucket's owner.</summary>
internal sealed class ChunkIdHasher(byte[] key)
{
    public BlobId Hash(ReadOnlySpan<byte> data)
    {
        using var hasher = Blake3.Hasher.NewKeyed(key);
        // Not UpdateWithJoin: the pipeline already keeps every core busy, and joining contends with it.
        hasher.Update(data);
        Span<byte> hash = stackalloc byte[BlobId.Size];
        hasher.Finalize(hash);
        return new BlobId(hash);
    }
}

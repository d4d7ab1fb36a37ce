namespace Stowage.Mover.Engine.Indexing;

/// <summary>The 4,096 shards of the index, by an id's top 12 bits (ids are uniform hashes, so shards are even).</summary>
internal static class BlobShards
{
    public const int Bits = 12;
    public const int Count = 1 << Bits;

    public static int Of(ulong prefix) => (int)(prefix >> (64 - Bits));
}

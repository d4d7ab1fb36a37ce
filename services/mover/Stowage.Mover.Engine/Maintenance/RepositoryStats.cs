namespace Stowage.Mover.Engine.Maintenance;

/// <summary>Size figures of a repository.</summary>
/// <param name="Snapshots">Number of snapshots.</param>
/// <param name="Packs">Number of indexed pack files.</param>
/// <param name="StoredBytes">Bytes of all indexed packs (what the bucket holds for data).</param>
/// <param name="DataBlobs">Unique data chunks.</param>
/// <param name="TreeBlobs">Unique directory listings.</param>
/// <param name="RawBytes">Uncompressed size of all unique blobs.</param>
/// <param name="LatestSnapshotBytes">Size of the files in the newest snapshot.</param>
public sealed record RepositoryStats(int Snapshots, int Packs, long StoredBytes, long DataBlobs, long TreeBlobs, long RawBytes, long LatestSnapshotBytes)
{
    /// <summary>Raw bytes per stored byte (dedup within the repository not counted).</summary>
    public double CompressionRatio => StoredBytes > 0 ? (double)RawBytes / StoredBytes : 1;
}

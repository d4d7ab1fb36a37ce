namespace Stowage.Mover.Engine.Snapshots;

/// <summary>
/// A content list is a tree-type blob holding, back to back, the 32-byte ids of up to <see cref="Fanout"/> data
/// blobs of one file, in file order. A file cut into fixed blocks names its lists in the tree node instead of
/// its blobs, so a tree stays small (a 1 TiB file: 256 lists), a list whose blocks did not change is stored once,
/// and a restore reads at most one level of lists: never a chain.
/// </summary>
internal static class ContentList
{
    /// <summary>Ids per list: 128 KiB of ids, 128 MiB of a file at 32 KiB blocks.</summary>
    public const int Fanout = 4096;

    public static byte[] Write(IReadOnlyList<BlobId> ids)
    {
        var bytes = new byte[ids.Count * BlobId.Size];
        for (var i = 0; i < ids.Count; i++) ids[i].WriteTo(bytes.AsSpan(i * BlobId.Size));
        return bytes;
    }

    /// <summary>The ids of a list as read; a list that is empty, too long or not whole ids is damaged.</summary>
    public static BlobId[] Read(ReadOnlySpan<byte> bytes, BlobId listId)
    {
        if (bytes.Length == 0 || bytes.Length % BlobId.Size != 0 || bytes.Length > Fanout * BlobId.Size)
            throw new RepositoryDamagedException($"Content list {listId.ToShortString()} is not a list of blob ids ({bytes.Length} bytes).");
        var ids = new BlobId[bytes.Length / BlobId.Size];
        for (var i = 0; i < ids.Length; i++) ids[i] = new BlobId(bytes.Slice(i * BlobId.Size, BlobId.Size));
        return ids;
    }
}

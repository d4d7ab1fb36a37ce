using Stowage.Mover.Engine.Repository;
using Stowage.Mover.Engine.Snapshots;

namespace Stowage.Mover.Engine.Backup;

/// <summary>
/// A backup's changed-block tracking: which file it applies to, and reading that file through its ranges against
/// the parent's node, or, for allocated ranges, against blocks of zeros. Anything that makes the ranges unusable (a damaged parent node, a sampled block that
/// changed, a stream used already) reads the file in full and says why; it never fails the backup.
/// </summary>
internal sealed class ChangedBlockSource(ChangedBlocks changes, string source, TreeLoader trees, Action<string> warn)
{
    private readonly string _path = Path.GetFullPath(Path.Join(source, changes.Path));
    private int _taken;

    public bool AppliesTo(string path) => string.Equals(Path.GetFullPath(path), _path, StringComparison.Ordinal);

    /// <summary>Whether the file is read through the ranges, and against which parent node (none for allocated ranges).</summary>
    public (bool Tracked, TreeNode? Parent) Track(TreeNode? old, string path)
    {
        if (changes.BaseSnapshotId is null) return (true, null);
        if (old is { Type: TreeNode.File, ContentLists: not null }) return (true, old);
        warn($"Changed-block tracking not used for '{path}': the parent snapshot holds it {(old is null ? "not at all" : "without blocks")}; read in full.");
        return (false, null);
    }

    /// <summary>The content lists of the file, or null when it was read in full for a reason already warned of.</summary>
    public async Task<List<string>?> TryChunkAsync(BlockChunker blocks, string path, TreeNode listed, TreeNode? parent, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _taken, 1) == 1)
        {
            warn($"Changed ranges for '{changes.Path}' were already used; read in full.");
            return null;
        }
        await using var cursor = new ChangedRangeCursor(changes.Ranges, blocks.BlockSize, changes.Path, warn);
        try
        {
            var known = parent is null ? blocks.Zeros() : new ParentBlocks(trees, parent, blocks.BlockSize);
            return await blocks.ChunkChangedAsync(path, listed, known, cursor, Sample(listed.Size, blocks.BlockSize), cancellationToken);
        }
        catch (Exception e) when (e is RepositoryDamagedException or ChangedBlocksRefutedException)
        {
            warn($"Changed-block tracking not used for '{changes.Path}' ({e.Message}); read in full.");
            return null;
        }
    }

    private HashSet<long> Sample(long size, int blockSize)
    {
        var blocks = (size + blockSize - 1) / blockSize;
        var sample = new HashSet<long>();
        for (var i = 0; i < changes.VerifySample && blocks > 0; i++) sample.Add(Random.Shared.NextInt64(blocks));
        return sample;
    }
}

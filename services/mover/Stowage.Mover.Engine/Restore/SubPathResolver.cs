using Stowage.Mover.Engine.Repository;
using Stowage.Mover.Engine.Snapshots;

namespace Stowage.Mover.Engine.Restore;

/// <summary>Finds the tree node a restore starts from: the snapshot root, or the node at a sub-path.</summary>
internal static class SubPathResolver
{
    /// <summary>The node, and whether it is the snapshot's root (whose entries go straight into the target).</summary>
    public static async Task<(TreeNode Node, bool IsRoot)> ResolveAsync(RepositoryStore store, SnapshotFile snapshot, string? subPath, CancellationToken cancellationToken)
    {
        var root = snapshot.Root;
        root.Subtree ??= snapshot.Tree;
        if (string.IsNullOrEmpty(subPath) || subPath.Trim('/').Length == 0) return (root, true);
        var node = root;
        var segments = subPath.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        foreach (var segment in segments)
        {
            if (node is not { Type: TreeNode.Directory, Subtree: { } subtree })
                throw new ArgumentException($"'{subPath}' is not in the snapshot.");
            var tree = await store.LoadTreeAsync(BlobId.Parse(subtree), cancellationToken);
            node = tree.Find(segment) ?? throw new ArgumentException($"'{subPath}' is not in the snapshot.");
        }
        return (node, false);
    }
}

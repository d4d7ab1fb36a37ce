using Stowage.Mover.Engine.FileSystem;
using Stowage.Mover.Engine.Snapshots;

namespace Stowage.Mover.Engine.Backup;

/// <summary>Builds tree nodes from file status.</summary>
internal static class TreeNodeFactory
{
    public static TreeNode Create(string name, string type, UnixFileStatus status, string? linkTarget = null) => new()
    {
        Name = name,
        Type = type,
        Mode = status.Permissions,
        Uid = status.Uid,
        Gid = status.Gid,
        MtimeNs = status.MtimeNs,
        Size = type == TreeNode.File ? status.Size : 0,
        Inode = status.Inode,
        Device = status.Device,
        Links = status.Links,
        LinkTarget = linkTarget,
    };

    /// <summary>A node for an unchanged file: the new status, the previous node's content.</summary>
    public static TreeNode Unchanged(string name, UnixFileStatus status, TreeNode previous)
    {
        var node = Create(name, TreeNode.File, status);
        node.Content = previous.Content;
        node.ContentLists = previous.ContentLists;
        return node;
    }

    /// <summary>Unchanged means same size, modification time and inode as in the parent snapshot, with all content
    /// (for a file in blocks: all its content lists) still stored.</summary>
    public static bool IsUnchanged(TreeNode? previous, UnixFileStatus status, Func<BlobId, bool> isStored)
    {
        if (previous is not { Type: TreeNode.File } || (previous.Content ?? previous.ContentLists) is not { } content
            || previous.Size != status.Size || previous.MtimeNs != status.MtimeNs || previous.Inode != status.Inode)
            return false;
        foreach (var hex in content)
        {
            if (!BlobId.TryParse(hex, out var id) || !isStored(id)) return false;
        }
        return true;
    }
}

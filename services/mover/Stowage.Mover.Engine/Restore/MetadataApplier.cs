using Microsoft.Win32.SafeHandles;
using Stowage.Mover.Engine.FileSystem;
using Stowage.Mover.Engine.Snapshots;

namespace Stowage.Mover.Engine.Restore;

/// <summary>Sets mode, owner and modification time; directories last and deepest first, since writing into a directory changes its mtime.</summary>
internal static class MetadataApplier
{
    public static void Apply(RestorePlan plan)
    {
        // One-blob files got theirs from the thread that wrote them.
        foreach (var file in plan.Files.Where(f => !RestorePlan.IsSingleBlob(f))) ApplyTo(file.Path, file.Node, setMode: true);
        foreach (var (path, node) in plan.Symlinks) ApplyTo(path, node, setMode: false);
        foreach (var (path, node) in plan.Directories) ApplyTo(path, node, setMode: true);
    }

    /// <summary>The same for a file whose content is complete, through the handle that wrote it: no path lookups.</summary>
    public static void ApplyTo(SafeFileHandle file, RestorePlan.FileTarget target)
    {
        UnixFileMetadata.TrySetOwner(file, target.Node.Uid, target.Node.Gid);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(file, ModeOf(target.Node));
        UnixFileMetadata.SetModificationTime(file, target.Path, target.Node.MtimeNs);
    }

    private static void ApplyTo(string path, TreeNode node, bool setMode)
    {
        UnixFileMetadata.TrySetOwner(path, node.Uid, node.Gid);
        if (setMode && !OperatingSystem.IsWindows()) File.SetUnixFileMode(path, ModeOf(node));
        UnixFileMetadata.SetModificationTime(path, node.MtimeNs);
    }

    private static UnixFileMode ModeOf(TreeNode node) => (UnixFileMode)(node.Mode & 0xFFF);
}

using Microsoft.Win32.SafeHandles;
using Stowage.Mover.Engine.FileSystem;
using Stowage.Mover.Engine.Snapshots;
using static Stowage.Mover.Engine.FileSystem.LinuxFileCalls;

namespace Stowage.Mover.Engine.Restore;

/// <summary>
/// Sets mode, owner and modification time through a handle, or on a link itself: never through a path that could
/// lead elsewhere. Directories go last and deepest first, since writing into a directory changes its mtime.
/// Setuid bits, and setgid bits on anything but directories, are dropped unless the restore keeps them: a
/// repository is untrusted input, and a setuid-root program in a volume is a way onto the node.
/// </summary>
internal sealed class MetadataApplier(RestoreTarget target, bool keepSetIdBits)
{
    private const uint SetUid = 0x800;
    private const uint SetGid = 0x400;
    private long _dropped;

    /// <summary>Entries whose setuid or setgid bit was dropped.</summary>
    public long SetIdBitsDropped => Interlocked.Read(ref _dropped);

    public void Apply(RestorePlan plan)
    {
        // One-blob files got theirs from the thread that wrote them.
        foreach (var file in plan.Files.Where(f => !RestorePlan.IsSingleBlob(f)))
        {
            using var handle = target.Open(file.Path, ReadOnly);
            ApplyTo(handle, file.Path, file.Node, isDirectory: false);
        }
        foreach (var (path, node) in plan.Symlinks)
        {
            using var parent = target.OpenParent(path, out var name);
            parent.SetLinkMetadata(name, node.Uid, node.Gid, node.MtimeNs, path);
        }
        foreach (var (path, node) in plan.Directories)
        {
            using var handle = target.Open(path, ReadOnly | DirectoryOnly);
            ApplyTo(handle, path, node, isDirectory: true);
        }
    }

    /// <summary>The same for a file whose content is complete, through the handle that wrote it.</summary>
    public void ApplyTo(SafeFileHandle file, RestorePlan.FileTarget target) => ApplyTo(file, target.Path, target.Node, isDirectory: false);

    private void ApplyTo(SafeFileHandle handle, string entry, TreeNode node, bool isDirectory)
    {
        UnixFileMetadata.TrySetOwner(handle, node.Uid, node.Gid);
        if (Fchmod(handle, ModeOf(node, isDirectory)) != 0) throw Error("chmod", entry, LastError);
        UnixFileMetadata.SetModificationTime(handle, entry, node.MtimeNs);
    }

    private uint ModeOf(TreeNode node, bool isDirectory)
    {
        var mode = node.Mode & 0xFFF;
        if (keepSetIdBits) return mode;
        var dropped = isDirectory ? SetUid : SetUid | SetGid;
        if ((mode & dropped) == 0) return mode;
        Interlocked.Increment(ref _dropped);
        return mode & ~dropped;
    }
}

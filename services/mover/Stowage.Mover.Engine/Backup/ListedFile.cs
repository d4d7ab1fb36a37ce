using Microsoft.Win32.SafeHandles;
using Stowage.Mover.Engine.FileSystem;
using Stowage.Mover.Engine.Snapshots;
using static Stowage.Mover.Engine.FileSystem.LinuxFileCalls;

namespace Stowage.Mover.Engine.Backup;

/// <summary>
/// Opens the file the walk listed and nothing else: without following a link (a file swapped for a symlink
/// between the listing and the open would otherwise put whatever it points at, host files included, into the
/// backup), and checking that the open file has the inode and device the listing saw. A block device is opened
/// only where the caller says one is expected (the volume changed-block tracking names).
/// </summary>
internal static class ListedFile
{
    public static SafeFileHandle Open(string path, TreeNode listed, bool blockDevice = false)
    {
        var descriptor = LinuxFileCalls.Open(path, ReadOnly | NoFollow | CloseOnExec, 0);
        if (descriptor < 0)
        {
            var errno = LastError;
            throw errno == TooManyLinks
                ? new IOException($"'{path}' became a symbolic link after it was listed as a file; skipped.")
                : Error("open", path, errno);
        }
        var handle = Own(descriptor);
        var opened = UnixFileStatus.Get(handle, path);
        if (opened.Inode == listed.Inode && opened.Device == listed.Device && (opened.IsRegularFile || (blockDevice && opened.IsBlockDevice)))
        {
            AdviseSequential(handle);
            return handle;
        }
        handle.Dispose();
        throw new IOException($"'{path}' was replaced by another file after it was listed; skipped.");
    }
}

using Microsoft.Win32.SafeHandles;
using static Stowage.Mover.Engine.FileSystem.LinuxFileCalls;

namespace Stowage.Mover.Engine.FileSystem;

/// <summary>
/// An open directory that entries are created in by name (the *at calls), never through a path: no symlink in
/// the way is followed, and whatever already holds a name is replaced rather than written through. Every
/// method takes the entry's path for its error messages.
/// </summary>
internal sealed class DirectoryHandle(SafeFileHandle handle) : IDisposable
{
    private const uint PrivateDirectory = 0x1C0; // 0700 until the snapshot's mode is applied
    public const uint PrivateFile = 0x180; // 0600 until the snapshot's mode is applied

    public SafeFileHandle Handle { get; } = handle;

    /// <summary>Opens the directory a restore writes into. Its own path may hold links: the caller chose it.</summary>
    public static DirectoryHandle OpenTarget(string path)
    {
        var descriptor = Open(path, ReadOnly | DirectoryOnly | CloseOnExec, 0);
        if (descriptor < 0) throw Error("open", path, LastError);
        return new DirectoryHandle(Own(descriptor));
    }

    /// <summary>The subdirectory <paramref name="name"/>, created if missing; a file or link of that name is replaced.</summary>
    public DirectoryHandle CreateDirectory(string name, string entry)
    {
        if (Mkdirat(Handle, name, PrivateDirectory) != 0 && LastError != Exists) throw Error("mkdir", entry, LastError);
        var descriptor = Openat(Handle, name, ReadOnly | DirectoryOnly | NoFollow | CloseOnExec, 0);
        if (descriptor < 0 && LastError is not (TooManyLinks or NotDirectory)) throw Error("open", entry, LastError);
        if (descriptor < 0)
        {
            // Something other than a directory holds the name.
            Replacing(name, entry, "mkdir", () => Mkdirat(Handle, name, PrivateDirectory));
            descriptor = Openat(Handle, name, ReadOnly | DirectoryOnly | NoFollow | CloseOnExec, 0);
            if (descriptor < 0) throw Error("open", entry, LastError);
        }
        return new DirectoryHandle(Own(descriptor));
    }

    /// <summary>A new, empty regular file open for writing; anything of that name is replaced.</summary>
    public SafeFileHandle CreateFile(string name, string entry) =>
        Own(Replacing(name, entry, "create", () => Openat(Handle, name, WriteOnly | Create | Exclusive | NoFollow | CloseOnExec, PrivateFile)));

    /// <summary>A symbolic link holding <paramref name="target"/>, which is never resolved here.</summary>
    public void CreateSymlink(string name, string target, string entry) =>
        Replacing(name, entry, "symlink", () => Symlinkat(target, Handle, name));

    /// <summary>A hard link named <paramref name="name"/> here to <paramref name="existingName"/> in <paramref name="existingDirectory"/>.</summary>
    public void CreateHardLink(DirectoryHandle existingDirectory, string existingName, string name, string entry) =>
        Replacing(name, entry, "link", () => Linkat(existingDirectory.Handle, existingName, Handle, name, 0));

    /// <summary>
    /// Runs a call that creates <paramref name="name"/> (and fails with EEXIST when the name is taken); if it is
    /// taken, removes what holds it and runs the call once more. Returns the call's non-negative result.
    /// </summary>
    private int Replacing(string name, string entry, string operation, Func<int> create)
    {
        var result = create();
        if (result < 0 && LastError == Exists)
        {
            Remove(name, entry);
            result = create();
        }
        return result >= 0 ? result : throw Error(operation, entry, LastError);
    }

    /// <summary>Owner and modification time of the entry itself, a symlink included (never its target).</summary>
    public unsafe void SetLinkMetadata(string name, uint uid, uint gid, long mtimeNs, string entry)
    {
        if (UnixFileMetadata.IsRoot) _ = Fchownat(Handle, name, uid, gid, AtSymlinkNoFollow);
        var times = stackalloc long[4];
        UnixFileMetadata.FillTimes(times, mtimeNs);
        if (Utimensat(Handle, name, times, AtSymlinkNoFollow) != 0) throw Error("set the time of", entry, LastError);
    }

    /// <summary>Removes a file, link or empty directory; a directory with entries is refused, never emptied.</summary>
    private void Remove(string name, string entry)
    {
        if (Unlinkat(Handle, name, 0) == 0) return;
        var error = LastError;
        if (error == IsDirectory && Unlinkat(Handle, name, AtRemoveDir) == 0) return;
        if (error == IsDirectory) error = LastError;
        if (error == NotEmpty)
            throw new RestoreRefusedException(entry, "the target holds a directory with entries there, and the snapshot holds something else; remove it first");
        throw Error("replace", entry, error);
    }

    public void Dispose() => Handle.Dispose();
}

using Microsoft.Win32.SafeHandles;
using Stowage.Mover.Engine.FileSystem;
using static Stowage.Mover.Engine.FileSystem.LinuxFileCalls;

namespace Stowage.Mover.Engine.Restore;

/// <summary>
/// The directory a restore writes into, and never out of. A path below it (made of names the planner checked) is
/// opened with openat2's RESOLVE_BENEATH and RESOLVE_NO_SYMLINKS, so neither a link nor "..", even one put
/// there while the restore runs, leads outside. Kernels before 5.6 (or seccomp filters that refuse openat2)
/// get the same guarantee from one no-follow openat per path component.
/// </summary>
internal sealed class RestoreTarget : IDisposable
{
    private const ulong Confined = ResolveBeneath | ResolveNoSymlinks | ResolveNoMagicLinks;
    private readonly bool _walk;

    private RestoreTarget(DirectoryHandle root, bool walk)
    {
        Root = root;
        _walk = walk;
    }

    public DirectoryHandle Root { get; }

    /// <summary>Whether paths are resolved component by component because the kernel lacks openat2.</summary>
    public bool WalksComponents => _walk;

    public static RestoreTarget Open(string path, bool withoutOpenat2 = false)
    {
        var root = DirectoryHandle.OpenTarget(path);
        if (withoutOpenat2) return new RestoreTarget(root, walk: true);
        var probe = Openat2(root.Handle, ".", ReadOnly | DirectoryOnly | CloseOnExec, 0, Confined);
        if (probe >= 0)
        {
            Own(probe).Dispose();
            return new RestoreTarget(root, walk: false);
        }
        var error = LastError;
        if (error is NotImplemented or PermissionDenied) return new RestoreTarget(root, walk: true);
        root.Dispose();
        throw Error("open", path, error);
    }

    /// <summary>Opens an existing entry below the root without following any link; "" is the root itself.</summary>
    public SafeFileHandle Open(string path, int flags)
    {
        var descriptor = OpenConfined(path, flags, 0, out var errno);
        return descriptor >= 0 ? Own(descriptor) : throw Refusal(path, errno);
    }

    /// <summary>A new, empty file at the path open for writing; anything already there is replaced, not written through.</summary>
    public SafeFileHandle CreateFile(string path)
    {
        var descriptor = OpenConfined(path, WriteOnly | Create | Exclusive, DirectoryHandle.PrivateFile, out var errno);
        if (descriptor >= 0) return Own(descriptor);
        if (errno != Exists) throw Refusal(path, errno);
        using var parent = OpenParent(path, out var name);
        return parent.CreateFile(name, path);
    }

    /// <summary>The directory holding the entry at the path, and the entry's name in it.</summary>
    public DirectoryHandle OpenParent(string path, out string name)
    {
        var slash = path.LastIndexOf('/');
        name = path[(slash + 1)..];
        return new DirectoryHandle(Open(slash < 0 ? "" : path[..slash], ReadOnly | DirectoryOnly));
    }

    /// <summary>A descriptor for the path opened with flags (never following a link), or -1 and the error.</summary>
    private int OpenConfined(string path, int flags, uint mode, out int errno)
    {
        flags |= NoFollow | CloseOnExec;
        if (_walk) return Walk(path, flags, mode, out errno);
        var descriptor = Openat2(Root.Handle, path.Length == 0 ? "." : path, flags, mode, Confined);
        errno = descriptor >= 0 ? 0 : LastError;
        return descriptor;
    }

    /// <summary>openat per component, none followed if it is a link.</summary>
    private int Walk(string path, int flags, uint mode, out int errno)
    {
        errno = 0;
        var names = path.Length == 0 ? new[] { "." } : path.Split('/');
        SafeFileHandle? current = null;
        try
        {
            for (var i = 0; i < names.Length; i++)
            {
                var last = i == names.Length - 1;
                var descriptor = Openat(current ?? Root.Handle, names[i], last ? flags : ReadOnly | DirectoryOnly | NoFollow | CloseOnExec, last ? mode : 0);
                if (descriptor < 0)
                {
                    // Read before the intermediate directories close: closing must not overwrite it.
                    errno = LastError;
                    return -1;
                }
                if (last) return descriptor;
                current?.Dispose();
                current = Own(descriptor);
            }
            return -1;
        }
        finally
        {
            current?.Dispose();
        }
    }

    /// <summary>Errors that mean something other than the restore's own entries now stands on the path.</summary>
    private static Exception Refusal(string path, int errno) => errno is TooManyLinks or CrossDevice or NotDirectory
        ? new RestoreRefusedException(path, "the path leads through a symbolic link or out of the target, which the restore did not create")
        : Error("open", path, errno);

    public void Dispose() => Root.Dispose();
}

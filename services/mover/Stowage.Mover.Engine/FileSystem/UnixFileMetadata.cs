using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Stowage.Mover.Engine.FileSystem;

/// <summary>Applies ownership and timestamps without following symlinks.</summary>
internal static class UnixFileMetadata
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const long UtimeOmit = (1L << 30) - 2;

    public static bool IsRoot { get; } = GetEuid() == 0;

    /// <summary>Ownership is only restored when running as root; others cannot give files away.</summary>
    public static void TrySetOwner(string path, uint uid, uint gid)
    {
        if (IsRoot) _ = Lchown(path, uid, gid);
    }

    public static unsafe void SetModificationTime(string path, long mtimeNs)
    {
        var times = stackalloc long[4];
        FillTimes(times, mtimeNs);
        if (Utimensat(AtFdCwd, path, times, AtSymlinkNoFollow) != 0)
            throw new IOException($"Setting the time of '{path}' failed: errno {Marshal.GetLastPInvokeError()}.");
    }

    /// <summary>As TrySetOwner, through an open file (no path lookup).</summary>
    public static void TrySetOwner(SafeFileHandle file, uint uid, uint gid)
    {
        if (IsRoot) _ = Fchown(file, uid, gid);
    }

    /// <summary>As SetModificationTime, through an open file (no path lookup); path only names it in errors.</summary>
    public static unsafe void SetModificationTime(SafeFileHandle file, string path, long mtimeNs)
    {
        var times = stackalloc long[4];
        FillTimes(times, mtimeNs);
        if (Futimens(file, times) != 0)
            throw new IOException($"Setting the time of '{path}' failed: errno {Marshal.GetLastPInvokeError()}.");
    }

    /// <summary>A timespec pair for utimensat/futimens: access time left alone, modification time set.</summary>
    private static unsafe void FillTimes(long* times, long mtimeNs)
    {
        times[0] = 0;
        times[1] = UtimeOmit;
        times[2] = Math.DivRem(mtimeNs, 1_000_000_000L, out var nanos);
        if (nanos < 0)
        {
            times[2] -= 1;
            nanos += 1_000_000_000L;
        }
        times[3] = nanos;
    }

    public static void CreateHardLink(string existing, string link)
    {
        if (File.Exists(link)) File.Delete(link);
        if (Link(existing, link) != 0) throw new IOException($"Linking '{link}' to '{existing}' failed: errno {Marshal.GetLastPInvokeError()}.");
    }

    [DllImport("libc", EntryPoint = "link", SetLastError = true)]
    private static extern int Link([MarshalAs(UnmanagedType.LPUTF8Str)] string existing, [MarshalAs(UnmanagedType.LPUTF8Str)] string link);

    [DllImport("libc", EntryPoint = "lchown", SetLastError = true)]
    private static extern int Lchown([MarshalAs(UnmanagedType.LPUTF8Str)] string path, uint uid, uint gid);

    [DllImport("libc", EntryPoint = "utimensat", SetLastError = true)]
    private static extern unsafe int Utimensat(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, long* times, int flags);

    [DllImport("libc", EntryPoint = "fchown", SetLastError = true)]
    private static extern int Fchown(SafeFileHandle file, uint uid, uint gid);

    [DllImport("libc", EntryPoint = "futimens", SetLastError = true)]
    private static extern unsafe int Futimens(SafeFileHandle file, long* times);

    [DllImport("libc", EntryPoint = "geteuid")]
    private static extern uint GetEuid();
}

using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Stowage.Mover.Engine.FileSystem;

/// <summary>Applies ownership and timestamps through an open file: no path lookup, so no link is followed.</summary>
internal static class UnixFileMetadata
{
    private const long UtimeOmit = (1L << 30) - 2;

    public static bool IsRoot { get; } = GetEuid() == 0;

    /// <summary>Ownership is only restored when running as root; others cannot give files away.</summary>
    public static void TrySetOwner(SafeFileHandle file, uint uid, uint gid)
    {
        if (IsRoot) _ = Fchown(file, uid, gid);
    }

    /// <summary>Sets the modification time; entry only names the file in errors.</summary>
    public static unsafe void SetModificationTime(SafeFileHandle file, string entry, long mtimeNs)
    {
        var times = stackalloc long[4];
        FillTimes(times, mtimeNs);
        if (Futimens(file, times) != 0) throw LinuxFileCalls.Error("set the time of", entry, Marshal.GetLastPInvokeError());
    }

    /// <summary>A timespec pair for utimensat/futimens: access time left alone, modification time set.</summary>
    public static unsafe void FillTimes(long* times, long mtimeNs)
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

    [DllImport("libc", EntryPoint = "fchown", SetLastError = true)]
    private static extern int Fchown(SafeFileHandle file, uint uid, uint gid);

    [DllImport("libc", EntryPoint = "futimens", SetLastError = true)]
    private static extern unsafe int Futimens(SafeFileHandle file, long* times);

    [DllImport("libc", EntryPoint = "geteuid")]
    private static extern uint GetEuid();
}

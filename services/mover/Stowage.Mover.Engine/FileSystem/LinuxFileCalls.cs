using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Stowage.Mover.Engine.FileSystem;

/// <summary>
/// The *at system calls a confined restore and a no-follow backup need. Flag values differ between x86-64 and
/// the asm-generic architectures (arm64), so they are chosen at start-up.
/// </summary>
internal static unsafe class LinuxFileCalls
{
    public const int AtFdCwd = -100;
    public const int AtSymlinkNoFollow = 0x100;
    public const int AtRemoveDir = 0x200;
    public const int AtEmptyPath = 0x1000;

    public const int ReadOnly = 0;
    public const int WriteOnly = 1;
    public const int Create = 0x40;
    public const int Exclusive = 0x80;
    public const int CloseOnExec = 0x80000;
    public static readonly int NoFollow = IsAsmGeneric ? 0x8000 : 0x20000;
    public static readonly int DirectoryOnly = IsAsmGeneric ? 0x4000 : 0x10000;

    public const ulong ResolveNoMagicLinks = 0x02;
    public const ulong ResolveNoSymlinks = 0x04;
    public const ulong ResolveBeneath = 0x08;

    public const int NoSuchEntry = 2;
    public const int PermissionDenied = 1;
    public const int Exists = 17;
    public const int NotDirectory = 20;
    public const int IsDirectory = 21;
    public const int NotImplemented = 38;
    public const int NotEmpty = 39;
    public const int TooManyLinks = 40;
    public const int CrossDevice = 18;

    private const long SysOpenat2 = 437;

    private static bool IsAsmGeneric => RuntimeInformation.ProcessArchitecture is Architecture.Arm64 or Architecture.LoongArch64 or Architecture.RiscV64;

    public static int LastError => Marshal.GetLastPInvokeError();

    [StructLayout(LayoutKind.Sequential)]
    private struct OpenHow
    {
        public ulong Flags;
        public ulong Mode;
        public ulong Resolve;
    }

    /// <summary>openat2(2): -1 with errno set on failure (ENOSYS on kernels before 5.6, EPERM under old seccomp profiles).</summary>
    public static int Openat2(SafeFileHandle directory, string path, int flags, uint mode, ulong resolve)
    {
        var how = new OpenHow { Flags = (ulong)(uint)flags, Mode = mode, Resolve = resolve };
        var success = false;
        directory.DangerousAddRef(ref success);
        try
        {
            return (int)Syscall(SysOpenat2, directory.DangerousGetHandle(), path, &how, (nint)sizeof(OpenHow));
        }
        finally
        {
            if (success) directory.DangerousRelease();
        }
    }

    public static SafeFileHandle Own(int descriptor) => new((IntPtr)descriptor, ownsHandle: true);

    /// <summary>The error of a failed call on an entry, with the system's text for errno.</summary>
    public static IOException Error(string operation, string entry, int errno) =>
        new($"Cannot {operation} '{entry}': {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno}).");

    [DllImport("libc", EntryPoint = "syscall", SetLastError = true)]
    private static extern long Syscall(long number, nint directory, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, OpenHow* how, nint size);

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    public static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mode);

    [DllImport("libc", EntryPoint = "openat", SetLastError = true)]
    public static extern int Openat(SafeFileHandle directory, [MarshalAs(UnmanagedType.LPUTF8Str)] string name, int flags, uint mode);

    [DllImport("libc", EntryPoint = "mkdirat", SetLastError = true)]
    public static extern int Mkdirat(SafeFileHandle directory, [MarshalAs(UnmanagedType.LPUTF8Str)] string name, uint mode);

    [DllImport("libc", EntryPoint = "symlinkat", SetLastError = true)]
    public static extern int Symlinkat([MarshalAs(UnmanagedType.LPUTF8Str)] string target, SafeFileHandle directory, [MarshalAs(UnmanagedType.LPUTF8Str)] string name);

    [DllImport("libc", EntryPoint = "unlinkat", SetLastError = true)]
    public static extern int Unlinkat(SafeFileHandle directory, [MarshalAs(UnmanagedType.LPUTF8Str)] string name, int flags);

    [DllImport("libc", EntryPoint = "linkat", SetLastError = true)]
    public static extern int Linkat(SafeFileHandle fromDirectory, [MarshalAs(UnmanagedType.LPUTF8Str)] string fromName,
        SafeFileHandle toDirectory, [MarshalAs(UnmanagedType.LPUTF8Str)] string toName, int flags);

    [DllImport("libc", EntryPoint = "fchownat", SetLastError = true)]
    public static extern int Fchownat(SafeFileHandle directory, [MarshalAs(UnmanagedType.LPUTF8Str)] string name, uint uid, uint gid, int flags);

    [DllImport("libc", EntryPoint = "utimensat", SetLastError = true)]
    public static extern int Utimensat(SafeFileHandle directory, [MarshalAs(UnmanagedType.LPUTF8Str)] string name, long* times, int flags);

    /// <summary>posix_fadvise(2) with POSIX_FADV_SEQUENTIAL: read-ahead for a file read start to end.</summary>
    public static void AdviseSequential(SafeFileHandle file) => _ = PosixFadvise(file, 0, 0, 2);

    [DllImport("libc", EntryPoint = "posix_fadvise")]
    private static extern int PosixFadvise(SafeFileHandle file, long offset, long length, int advice);

    /// <summary>
    /// fallocate(2), mode 0: reserves the blocks of [offset, offset + length) before they are written, extending the
    /// file's size to its end. Best effort: a file system that cannot (EOPNOTSUPP), or a full one (the writes then
    /// fail and say so), leaves the file as it was.
    /// </summary>
    public static void Preallocate(SafeFileHandle file, long offset, long length)
    {
        if (length > 0) _ = Fallocate(file, 0, offset, length);
    }

    /// <summary>ioctl(2) BLKGETSIZE64: the size of an open block device in bytes (its stat size is 0).</summary>
    public static long BlockDeviceSize(SafeFileHandle device, string path) =>
        IoctlSize(device, 0x80081272, out var size) == 0 ? (long)size : throw Error("size", path, LastError);

    [DllImport("libc", EntryPoint = "ioctl", SetLastError = true)]
    private static extern int IoctlSize(SafeFileHandle device, ulong request, out ulong size);

    [DllImport("libc", EntryPoint = "fallocate", SetLastError = true)]
    private static extern int Fallocate(SafeFileHandle file, int mode, long offset, long length);

    [DllImport("libc", EntryPoint = "fchmod", SetLastError = true)]
    public static extern int Fchmod(SafeFileHandle file, uint mode);
}

using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;
using static Stowage.Mover.Engine.FileSystem.LinuxFileCalls;

namespace Stowage.Mover.Engine.FileSystem;

/// <summary>What lstat tells about a path (via statx, whose layout is the same on every Linux architecture).</summary>
internal readonly record struct UnixFileStatus(
    uint Mode, uint Uid, uint Gid, uint Links, ulong Inode, ulong Device, long Size, long MtimeNs)
{
    private const uint StatxBasicStats = 0x7ff;
    private const uint TypeMask = 0xF000;

    public bool IsDirectory => (Mode & TypeMask) == 0x4000;
    public bool IsRegularFile => (Mode & TypeMask) == 0x8000;
    public bool IsSymlink => (Mode & TypeMask) == 0xA000;
    public bool IsBlockDevice => (Mode & TypeMask) == 0x6000;
    public uint Permissions => Mode & 0xFFF;

    public static unsafe UnixFileStatus Get(string path)
    {
        var buffer = stackalloc byte[256];
        if (Statx(AtFdCwd, path, AtSymlinkNoFollow, StatxBasicStats, buffer) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw errno == NoSuchEntry ? new FileNotFoundException($"'{path}' vanished.", path) : new IOException($"statx '{path}' failed: errno {errno}.");
        }
        return Parse(new ReadOnlySpan<byte>(buffer, 256));
    }

    /// <summary>The status of an open file; path only names it in errors.</summary>
    public static unsafe UnixFileStatus Get(SafeFileHandle file, string path)
    {
        var buffer = stackalloc byte[256];
        if (Statx(file, "", AtEmptyPath, StatxBasicStats, buffer) != 0)
            throw new IOException($"statx '{path}' failed: errno {Marshal.GetLastPInvokeError()}.");
        return Parse(new ReadOnlySpan<byte>(buffer, 256));
    }

    private static UnixFileStatus Parse(ReadOnlySpan<byte> span)
    {
        var major = BinaryPrimitives.ReadUInt32LittleEndian(span[136..]);
        var minor = BinaryPrimitives.ReadUInt32LittleEndian(span[140..]);
        return new UnixFileStatus(
            Mode: BinaryPrimitives.ReadUInt16LittleEndian(span[28..]),
            Uid: BinaryPrimitives.ReadUInt32LittleEndian(span[20..]),
            Gid: BinaryPrimitives.ReadUInt32LittleEndian(span[24..]),
            Links: BinaryPrimitives.ReadUInt32LittleEndian(span[16..]),
            Inode: BinaryPrimitives.ReadUInt64LittleEndian(span[32..]),
            Device: ((ulong)major << 32) | minor,
            Size: BinaryPrimitives.ReadInt64LittleEndian(span[40..]),
            MtimeNs: BinaryPrimitives.ReadInt64LittleEndian(span[112..]) * 1_000_000_000L + BinaryPrimitives.ReadUInt32LittleEndian(span[120..]));
    }

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern unsafe int Statx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte* buffer);

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern unsafe int Statx(SafeFileHandle file, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte* buffer);
}

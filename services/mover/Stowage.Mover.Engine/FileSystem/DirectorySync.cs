using System.Runtime.InteropServices;

namespace Stowage.Mover.Engine.FileSystem;

/// <summary>
/// fsync of a directory: a rename (or a new entry) is only on stable storage once its directory is synced;
/// syncing the file alone leaves a crash free to forget the name.
/// </summary>
internal static class DirectorySync
{
    private const int ReadOnly = 0, Directory = 0x10000, CloseOnExec = 0x80000;

    public static void Flush(string directory)
    {
        var descriptor = Open(directory, ReadOnly | Directory | CloseOnExec);
        if (descriptor < 0) throw new IOException($"Opening directory '{directory}' to sync it failed: errno {Marshal.GetLastPInvokeError()}.");
        try
        {
            if (Fsync(descriptor) != 0) throw new IOException($"Syncing directory '{directory}' failed: errno {Marshal.GetLastPInvokeError()}.");
        }
        finally
        {
            _ = Close(descriptor);
        }
    }

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static extern int Fsync(int descriptor);

    [DllImport("libc", EntryPoint = "close", SetLastError = true)]
    private static extern int Close(int descriptor);
}

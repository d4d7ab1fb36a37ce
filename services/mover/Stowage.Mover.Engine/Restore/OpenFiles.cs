using Microsoft.Win32.SafeHandles;
using Stowage.Mover.Engine.FileSystem;

namespace Stowage.Mover.Engine.Restore;

/// <summary>
/// The few files one pack's restore is writing, kept open between its blobs: a large file's pack holds hundreds of
/// its blocks in a row, and opening the file (confined, below the target) for each was a system call per 32 KiB.
/// </summary>
internal sealed class OpenFiles(RestoreTarget target) : IDisposable
{
    private const int Capacity = 4;
    private readonly List<(RestorePlan.FileTarget File, SafeFileHandle Handle)> _open = new(Capacity);

    /// <summary>
    /// Writes data at offset of the file. One writer at a time per file: several packs' workers writing one large
    /// file queued on its inode lock in the kernel, which spins while the holder copies (10 % of a restore's CPU);
    /// a monitor lets the waiting thread sleep, and its core decode another pack's blobs.
    /// </summary>
    public void Write(RestorePlan.FileTarget file, ReadOnlySpan<byte> data, long offset)
    {
        var handle = Get(file);
        lock (file) RandomAccess.Write(handle, data, offset);
    }

    /// <summary>A write handle of the file (created before planning), opened if it is not open yet.</summary>
    private SafeFileHandle Get(RestorePlan.FileTarget file)
    {
        for (var i = 0; i < _open.Count; i++)
        {
            if (ReferenceEquals(_open[i].File, file)) return _open[i].Handle;
        }
        if (_open.Count == Capacity)
        {
            _open[0].Handle.Dispose();
            _open.RemoveAt(0);
        }
        var handle = target.Open(file.Path, LinuxFileCalls.WriteOnly);
        _open.Add((file, handle));
        return handle;
    }

    public void Dispose()
    {
        foreach (var (_, handle) in _open) handle.Dispose();
        _open.Clear();
    }
}

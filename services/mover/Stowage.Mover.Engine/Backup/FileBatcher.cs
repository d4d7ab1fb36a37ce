using System.Threading.Channels;

namespace Stowage.Mover.Engine.Backup;

/// <summary>
/// Hands files from the walker to the readers in batches. One file per queue item made every read wake the
/// waiting walker through the thread pool (200,000 small files: over a million spinning sched_yield calls);
/// a batch of small files costs one wake. A batch closes at a file count or a byte total, so large files still
/// spread over all readers.
/// </summary>
internal sealed class FileBatcher(ChannelWriter<List<FileJob>> batches)
{
    private const int MaxFiles = 64;
    private const long MaxBytes = 4 * 1024 * 1024;
    private List<FileJob> _current = [];
    private long _bytes;

    public ValueTask AddAsync(FileJob job, long size, CancellationToken cancellationToken)
    {
        _current.Add(job);
        _bytes += size;
        return _current.Count >= MaxFiles || _bytes >= MaxBytes ? FlushAsync(cancellationToken) : ValueTask.CompletedTask;
    }

    /// <summary>Sends the files collected so far.</summary>
    public ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        if (_current.Count == 0) return ValueTask.CompletedTask;
        var batch = _current;
        _current = [];
        _bytes = 0;
        return batches.WriteAsync(batch, cancellationToken);
    }
}

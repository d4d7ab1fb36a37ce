namespace Stowage.Mover.Engine.Backup;

/// <summary>A progress report of a running backup or restore.</summary>
/// <param name="FilesDone">Files processed so far.</param>
/// <param name="FilesTotal">Files found so far by the scanner (final once ScanComplete).</param>
/// <param name="BytesDone">File bytes processed so far (unchanged files count in full).</param>
/// <param name="BytesTotal">Bytes found so far by the scanner.</param>
/// <param name="BytesUploaded">Stored bytes written to the repository.</param>
/// <param name="Elapsed">Time since the start.</param>
/// <param name="ScanComplete">Whether the totals are final.</param>
public sealed record BackupProgress(long FilesDone, long FilesTotal, long BytesDone, long BytesTotal, long BytesUploaded, TimeSpan Elapsed, bool ScanComplete)
{
    /// <summary>Bytes processed per second.</summary>
    public double BytesPerSecond => Elapsed.TotalSeconds > 0 ? BytesDone / Elapsed.TotalSeconds : 0;

    /// <summary>Estimated time left, when it can be estimated.</summary>
    public TimeSpan? Eta => ScanComplete && BytesPerSecond > 0 && BytesTotal >= BytesDone
        ? TimeSpan.FromSeconds((BytesTotal - BytesDone) / BytesPerSecond)
        : null;
}

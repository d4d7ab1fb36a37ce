namespace Stowage.Mover.Engine.Backup;

/// <summary>Counters updated by the pipeline's threads.</summary>
internal sealed class BackupCounters
{
    public long FilesDone;
    public long FilesTotal;
    public long BytesDone;
    public long BytesTotal;
    public long BytesRead;
    public long BytesUploaded;
    public long Files;
    public long Directories;
    public long FilesUnchanged;
    public long BlobsNew;
    public long BlobsDeduplicated;
    public volatile bool ScanComplete;

    /// <summary>Counts file bytes read, here and in the engine's metrics.</summary>
    public void CountRead(long bytes)
    {
        Interlocked.Add(ref BytesRead, bytes);
        Telemetry.EngineTelemetry.BytesRead.Add(bytes);
    }

    public BackupProgress ToProgress(TimeSpan elapsed) => new(
        Interlocked.Read(ref FilesDone), Interlocked.Read(ref FilesTotal), Interlocked.Read(ref BytesDone),
        Interlocked.Read(ref BytesTotal), Interlocked.Read(ref BytesUploaded), elapsed, ScanComplete);
}

using Stowage.Mover.Engine.Snapshots;

namespace Stowage.Mover.Engine.Backup;

/// <summary>The snapshot a backup made, and files it had to skip.</summary>
public sealed record BackupResult(SnapshotInfo Snapshot, IReadOnlyList<string> Warnings)
{
    /// <summary>File bytes this backup read from the source (unchanged files and blocks are not read).</summary>
    public long BytesRead { get; init; }
}

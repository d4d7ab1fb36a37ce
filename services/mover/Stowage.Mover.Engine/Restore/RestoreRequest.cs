namespace Stowage.Mover.Engine.Restore;

/// <summary>What to restore and where.</summary>
public sealed record RestoreRequest
{
    /// <summary>Snapshot id, unique id prefix, or "latest".</summary>
    public required string SnapshotId { get; init; }

    /// <summary>Directory to restore into (created if needed).</summary>
    public required string TargetPath { get; init; }

    /// <summary>
    /// A path inside the snapshot ("data/db"); null restores the whole snapshot into TargetPath.
    /// A sub-path is restored as TargetPath/&lt;last segment&gt;.
    /// </summary>
    public string? SubPath { get; init; }

    /// <summary>Packs read concurrently (default 4).</summary>
    public int PackReaders { get; init; } = 4;

    /// <summary>Entries planned and written per batch, at most (default 20,000).</summary>
    public int? BatchFiles { get; init; }

    /// <summary>Memory a batch's plan may take, estimated (default: as much as the memory budget allows, at most 16 MiB).</summary>
    public long? BatchBytes { get; init; }

    /// <summary>
    /// Restore setuid bits, and setgid bits on files, as the snapshot holds them (restic's behaviour). Off by
    /// default: they are dropped, and the result's warnings count them.
    /// </summary>
    public bool KeepSetIdBits { get; init; }

    /// <summary>Resolve paths one no-follow component at a time, as on kernels without openat2 (for tests).</summary>
    internal bool WithoutOpenat2 { get; init; }
}

/// <summary>What a restore wrote, and in how many batches (each reads a pack at most once).</summary>
public sealed record RestoreResult(long Files, long Directories, long Bytes, IReadOnlyList<string> Warnings, int Batches);

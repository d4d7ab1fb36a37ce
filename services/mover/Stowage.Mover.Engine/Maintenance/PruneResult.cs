namespace Stowage.Mover.Engine.Maintenance;

/// <summary>Prune settings.</summary>
public sealed record PruneOptions
{
    /// <summary>
    /// Packs not in any index are deleted only when older than this (default 1 hour): a running backup
    /// uploads packs before it indexes them.
    /// </summary>
    public TimeSpan UnindexedGrace { get; init; } = TimeSpan.FromHours(1);

    /// <summary>A partly used pack is rewritten when at least this fraction of its bytes is unused (default 0.25).</summary>
    public double RepackUnusedFraction { get; init; } = 0.25;

    /// <summary>Folder under which the prune makes its scratch folder for rewritten packs (default: <see cref="Scratch.ScratchFolder.DefaultRoot"/>).</summary>
    public string? SpillDirectory { get; init; }
}

/// <summary>What prune removed; Deferred when a running backup made it remove nothing.</summary>
public sealed record PruneResult(bool Deferred, int PacksDeleted, int PacksWritten, int BlobsRemoved, long BytesFreed, string Message);

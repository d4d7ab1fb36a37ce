namespace Stowage.Mover.Engine.Backup;

/// <summary>What to back up and how to label it.</summary>
public sealed record BackupRequest
{
    /// <summary>Directory to back up (for example a volume's mount or a CSI snapshot's mount).</summary>
    public required string SourcePath { get; init; }

    /// <summary>Metadata stored in the snapshot, e.g. application, policy and volume, used to find it later.</summary>
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();

    /// <summary>Snapshot to compare with; null picks the newest snapshot with the same path and tags.</summary>
    public string? ParentSnapshotId { get; init; }

    /// <summary>When true, no parent is used and every file is read.</summary>
    public bool ForceFullRead { get; init; }

    /// <summary>Changed ranges of one large file since a base snapshot (CSI changed-block tracking), so only they are
    /// read; the base becomes the parent. Null reads every changed file in full.</summary>
    public ChangedBlocks? ChangedBlocks { get; init; }

    /// <summary>Optional application manifest (Kubernetes resources as JSON) stored beside the snapshot.</summary>
    public byte[]? ApplicationManifest { get; init; }

    /// <summary>Host name recorded in the snapshot.</summary>
    public string Hostname { get; init; } = Environment.MachineName;

    /// <summary>Time recorded as the snapshot's time; null for now.</summary>
    public DateTimeOffset? Time { get; init; }

    /// <summary>Tuning of the pipeline.</summary>
    public BackupTuning Tuning { get; init; } = new();
}

/// <summary>Pipeline sizes; memory is bounded by them, not by the amount of data.</summary>
public sealed record BackupTuning
{
    /// <summary>Threads reading, chunking and hashing files (default: processor count; each holds a buffer of the largest chunk plus 1 MiB: 5 MiB by default).
    /// A reader also seals small blobs, and large ones when the sealers are busy.</summary>
    public int FileReaders { get; init; } = Environment.ProcessorCount;

    /// <summary>Threads compressing and encrypting (default: processor count).</summary>
    public int Sealers { get; init; } = Environment.ProcessorCount;

    /// <summary>Concurrent pack uploads (default 2; raise for high-latency object stores).</summary>
    public int Uploaders { get; init; } = 2;

    /// <summary>Upper bound of the upload rate in bytes per second, kept over whole packs; null for no limit.</summary>
    public long? UploadBytesPerSecond { get; init; }

    /// <summary>An index file is written after this many packs, so an interrupted backup's uploads are reused.</summary>
    public int PacksPerIndex { get; init; } = 8;

    /// <summary>Folder under which this backup makes its own scratch folder for packs being assembled, removed when the
    /// backup ends and swept by the next one if its process was killed (default: <see cref="Scratch.ScratchFolder.DefaultRoot"/>).</summary>
    public string? SpillDirectory { get; init; }

    /// <summary>How long to wait for a running prune to finish before failing.</summary>
    public TimeSpan PruneWait { get; init; } = TimeSpan.FromMinutes(10);
}

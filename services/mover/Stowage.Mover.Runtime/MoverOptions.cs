namespace Stowage.Mover.Runtime;

/// <summary>How the mover and restore services reach data on this machine or node ("Mover" configuration section).</summary>
public sealed class MoverOptions
{
    public const string Section = "Mover";

    /// <summary>Folder holding repositories of "local" targets, one sub-folder per bucket name.</summary>
    public string LocalRepositoryRoot { get; set; } = Path.Combine(Path.GetTempPath(), "stowage", "repositories");

    /// <summary>
    /// How a volume's data is read and written: "jobs" (a Kubernetes Job per volume whose pod mounts the claim, in the
    /// application's namespace; see <see cref="Jobs.VolumeJobSettings"/>) or "local" (this process reads the folder
    /// {VolumeRoot}/{namespace}/{claim} itself; only for a process that shares a machine with its volumes, such as a test).
    /// </summary>
    public string DataPath { get; set; } = DataPaths.Jobs;

    /// <summary>For the "local" data path: volumes are {VolumeRoot}/{namespace}/{claim}.</summary>
    public string VolumeRoot { get; set; } = Path.Combine(Path.GetTempPath(), "stowage", "volumes");

    /// <summary>How hooks run: "kubernetes" (exec in the container) or "local" (a process on this machine).</summary>
    public string HookMode { get; set; } = "kubernetes";

    /// <summary>Where runs keep their temporary files, one folder per run and volume (removed when the copy ends, swept at start-up).</summary>
    public string ScratchRoot { get; set; } = Stowage.Mover.Engine.Scratch.ScratchFolder.DefaultRoot;

    /// <summary>How long a request to an S3 target is tried again while the object store does not answer, before the
    /// copy or restore fails naming the endpoint and bucket (at least 5 minutes in production).</summary>
    public TimeSpan TargetOutageTolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Upper bound of each copy's upload rate in bytes per second; unset for no limit.</summary>
    public long? UploadBytesPerSecond { get; set; }

    /// <summary>
    /// The mover's own ServiceAccount as namespace/name: changed-block tracking asks the TokenRequest API for a token of
    /// it with a snapshot metadata service's audience, handed to the volume job in its Secret. Unset: no CBT.
    /// </summary>
    public string? ServiceAccount { get; set; }

    /// <summary>Volumes copied at the same time within one run.</summary>
    public int MaxParallelVolumes { get; set; } = 2;
}

/// <summary>The values of <see cref="MoverOptions.DataPath"/>.</summary>
public static class DataPaths
{
    public const string Jobs = "jobs";
    public const string Local = "local";
}

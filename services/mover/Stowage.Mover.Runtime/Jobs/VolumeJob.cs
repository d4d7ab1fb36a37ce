namespace Stowage.Mover.Runtime.Jobs;

/// <summary>Which way a volume job moves data; it decides the claim's mount and the capabilities the pod gets.</summary>
public enum VolumeJobKind
{
    /// <summary>Reads the claim (mounted read-only) into the repository.</summary>
    Backup,

    /// <summary>Writes a snapshot into the claim, with its files' owners and modes.</summary>
    Restore,
}

/// <summary>
/// One volume's copy or restore as a Kubernetes Job in the application's namespace: its one pod mounts the claim at
/// <see cref="VolumeJobs.DataPath"/> and runs <c>stowage-mover</c> with <paramref name="Arguments"/>.
/// </summary>
/// <param name="Name">Derived from the run and the volume, so a retry or a restarted mover adopts the Job that exists.</param>
/// <param name="NodeName">The node the pod must run on (a live ReadWriteOnce claim is attached there), or null to let the scheduler choose.</param>
public sealed record VolumeJob(VolumeJobKind Kind, string Namespace, string Name, string ClaimName, string? NodeName,
    IReadOnlyList<string> Arguments, IReadOnlyDictionary<string, string> Labels)
{
    /// <summary>The claim is a raw block device (volumeMode Block): the pod gets it as the device <see cref="VolumeJobs.DevicePath"/>.</summary>
    public bool BlockDevice { get; init; }

    /// <summary>More environment variables of the pod (name: value), kept in the job's Secret beside the credentials.</summary>
    public IReadOnlyDictionary<string, string> SecretEnvironment { get; init; } = new Dictionary<string, string>();
}

/// <summary>The pod failed, its retries are spent, and <see cref="Exception.Message"/> says why (exit code, reason, last output).</summary>
public sealed class VolumeJobFailedException(string message) : Exception(message);

/// <summary>
/// The Job disappeared while this attempt followed it: another attempt saw it finish and cleaned it up, or someone
/// deleted it. The caller looks for the job's effect (the snapshot in the repository) or runs it again.
/// </summary>
public sealed class VolumeJobGoneException(string message) : Exception(message);

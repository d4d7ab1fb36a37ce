namespace Stowage.Mover.Runtime.Jobs;

/// <summary>How volume jobs run ("Mover:Jobs" configuration section).</summary>
public sealed class VolumeJobSettings
{
    /// <summary>The image that holds stowage-mover (built from services/mover/Stowage.Mover.Cli).</summary>
    public string Image { get; set; } = "ghcr.io/stowage/stowage-mover:0.1.0";

    /// <summary>The stowage-mover executable inside the image.</summary>
    public string Entrypoint { get; set; } = "/app/stowage-mover";

    /// <summary>Pods that may fail before the job fails (Kubernetes' backoffLimit).</summary>
    public int Retries { get; set; } = 2;

    /// <summary>The longest a job may run, retries included, before Kubernetes stops it (activeDeadlineSeconds).</summary>
    public TimeSpan Deadline { get; set; } = TimeSpan.FromHours(12);

    /// <summary>The pod's memory limit (e.g. 512Mi), which the mover reads from its cgroup and stays under; none when unset.</summary>
    public string? MemoryLimit { get; set; }

    /// <summary>
    /// The longest a job's pod may stay Pending (no node fits it, its node is lost, its claim cannot be attached)
    /// before the job fails with the pod's reason.
    /// </summary>
    public TimeSpan PendingTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often the job's status is read while it runs.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
}

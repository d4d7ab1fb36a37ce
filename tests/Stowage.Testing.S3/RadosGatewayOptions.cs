namespace Stowage.Testing.S3;

/// <summary>How <see cref="RadosGateway"/> lays out its single-node Ceph cluster.</summary>
public sealed record RadosGatewayOptions
{
    /// <summary>Folder under which the cluster's own temporary folder is created. Defaults to the system temp folder.</summary>
    public string? ParentDirectory { get; init; }

    /// <summary>The OSD's object store: <c>bluestore</c> (a sparse file on disk) or <c>memstore</c> (all data in memory).</summary>
    public string ObjectStore { get; init; } = "bluestore";

    /// <summary>Capacity of the OSD; the bluestore file is sparse, so only written data takes disk space.</summary>
    public long CapacityBytes { get; init; } = 16L * 1024 * 1024 * 1024;

    /// <summary>How long the whole start-up may take before it is reported as failed.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(120);
}

namespace Stowage.Mover.Engine.Storage;

/// <summary>Where and how to reach an S3-compatible bucket. Credentials are never included in ToString or logs.</summary>
public sealed record S3BackendOptions
{
    /// <summary>Custom endpoint such as http://127.0.0.1:7480; null for AWS S3.</summary>
    public string? ServiceUrl { get; init; }

    /// <summary>Signing region.</summary>
    public string Region { get; init; } = "us-east-1";

    /// <summary>Bucket name.</summary>
    public required string Bucket { get; init; }

    /// <summary>Key prefix inside the bucket ("" for the bucket root).</summary>
    public string Prefix { get; init; } = "";

    /// <summary>Path-style (http://host/bucket/key) rather than virtual-hosted (http://bucket.host/key) addressing.</summary>
    public bool ForcePathStyle { get; init; } = true;

    /// <summary>Access key id; null to use the SDK's default credential chain.</summary>
    public string? AccessKey { get; init; }

    /// <summary>Secret access key.</summary>
    public string? SecretKey { get; init; }

    /// <summary>
    /// Send and verify checksums only when an operation requires them. Many S3-compatible stores
    /// (radosgw 16 among them) reject the SDK's default aws-chunked uploads with trailing checksums.
    /// </summary>
    public bool ChecksumsOnlyWhenRequired { get; init; } = true;

    /// <summary>Objects at least this large are uploaded in parts.</summary>
    public int MultipartThreshold { get; init; } = 32 * 1024 * 1024;

    /// <summary>Part size of multipart uploads (at least 5 MiB).</summary>
    public int PartSize { get; init; } = 8 * 1024 * 1024;

    /// <summary>When set, every write asks for S3 Object Lock retention (the bucket must have Object Lock enabled).</summary>
    public ObjectLockRetention? ObjectLock { get; init; }

    /// <summary>
    /// How long a request keeps being tried again, with back-off, while the store does not answer (connection refused or
    /// reset, timeouts, 5xx, SlowDown); after that it fails with <see cref="RepositoryUnreachableException"/>.
    /// </summary>
    public TimeSpan OutageTolerance { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The first wait before trying again; each later wait doubles, up to <see cref="LongestRetryWait"/>.</summary>
    public TimeSpan FirstRetryWait { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between two tries.</summary>
    public TimeSpan LongestRetryWait { get; init; } = TimeSpan.FromSeconds(20);

    /// <inheritdoc />
    public override string ToString() => $"s3:{ServiceUrl ?? "aws"}/{Bucket}/{Prefix}";
}

/// <summary>S3 Object Lock settings applied to each written object.</summary>
/// <param name="Compliance">COMPLIANCE mode (nobody can delete early) rather than GOVERNANCE.</param>
/// <param name="Duration">How long each object is retained after it is written.</param>
public sealed record ObjectLockRetention(bool Compliance, TimeSpan Duration);

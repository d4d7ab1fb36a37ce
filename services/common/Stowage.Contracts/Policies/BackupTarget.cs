namespace Stowage.Contracts.Policies;

/// <summary>
/// An S3-compatible bucket. <see cref="Provider"/> presets the endpoint for AWS and GCP; MinIO, Cloudian and
/// plain "s3" need <see cref="Endpoint"/>. Credentials are a reference, never the secret itself.
/// </summary>
public sealed record BackupTarget(
    string Provider,
    string Bucket,
    CredentialsRef Credentials,
    string? Endpoint = null,
    string Prefix = "",
    string? Region = null,
    bool? PathStyle = null,
    ChecksumMode Checksums = ChecksumMode.WhenRequired);

/// <summary>
/// Where the S3 access key pair and the repository password are kept: a Kubernetes secret, or a named entry of
/// the service configuration. The repository password encrypts the backups; with the bucket address and these
/// credentials a new cluster can restore.
/// </summary>
public sealed record CredentialsRef(
    string? SecretName = null,
    string? SecretNamespace = null,
    string AccessKeyIdKey = "accessKeyId",
    string SecretAccessKeyKey = "secretAccessKey",
    string? ConfigurationName = null,
    string RepositoryPasswordKey = "repositoryPassword");

/// <summary>
/// Whether uploads carry the SDK's trailing checksums. Many S3-compatible stores (radosgw 16, older MinIO)
/// refuse them, so the default sends checksums only when the operation requires one.
/// </summary>
public enum ChecksumMode
{
    WhenRequired,
    WhenSupported,
}

/// <summary>The providers a target may name; each maps to default endpoint and addressing rules.</summary>
public static class TargetProviders
{
    public const string Aws = "aws";
    public const string Gcp = "gcp";
    public const string Minio = "minio";
    public const string Cloudian = "cloudian";
    public const string GenericS3 = "s3";

    /// <summary>A directory on the mover's machine (single-machine installs and tests); the bucket names a folder.</summary>
    public const string Local = "local";

    public static readonly IReadOnlySet<string> All = new HashSet<string> { Aws, Gcp, Minio, Cloudian, GenericS3, Local };

    /// <summary>Providers that have no well-known endpoint, so a target must give one.</summary>
    public static bool NeedsEndpoint(string provider) => provider is Minio or Cloudian or GenericS3;
}

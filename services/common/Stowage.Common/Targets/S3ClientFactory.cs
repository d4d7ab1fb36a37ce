using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using Stowage.Contracts.Policies;

namespace Stowage.Common.Targets;

/// <summary>
/// Builds an S3 client for a policy target: provider presets, endpoint, addressing style and checksum mode. Its
/// connections go only to addresses the <see cref="TargetAddressPolicy"/> allows.
/// </summary>
public static class S3ClientFactory
{
    public static IAmazonS3 Create(BackupTarget target, TargetCredentials credentials, TargetAddressPolicy addresses)
    {
        if (string.IsNullOrEmpty(credentials.AccessKeyId) || string.IsNullOrEmpty(credentials.SecretAccessKey))
        {
            throw new CredentialsUnavailableException($"The credentials of bucket '{target.Bucket}' have no S3 access key id or secret access key.");
        }
        var config = new AmazonS3Config
        {
            ForcePathStyle = PathStyleOf(target),
            RequestChecksumCalculation = target.Checksums == Stowage.Contracts.Policies.ChecksumMode.WhenSupported
                ? RequestChecksumCalculation.WHEN_SUPPORTED : RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = target.Checksums == Stowage.Contracts.Policies.ChecksumMode.WhenSupported
                ? ResponseChecksumValidation.WHEN_SUPPORTED : ResponseChecksumValidation.WHEN_REQUIRED,
            MaxErrorRetry = 2,
            Timeout = TimeSpan.FromSeconds(30),
            HttpClientFactory = new TargetHttpClientFactory(addresses),
        };
        if (EndpointOf(target) is { } endpoint)
        {
            config.ServiceURL = endpoint;
            config.AuthenticationRegion = target.Region ?? "us-east-1";
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(target.Region ?? "us-east-1");
        }
        return new AmazonS3Client(new BasicAWSCredentials(credentials.AccessKeyId, credentials.SecretAccessKey), config);
    }

    /// <summary>Path-style addressing unless the target says otherwise: what self-hosted stores expect.</summary>
    public static bool PathStyleOf(BackupTarget target) =>
        target.PathStyle ?? target.Provider is TargetProviders.Minio or TargetProviders.Cloudian or TargetProviders.GenericS3;

    /// <summary>The target's endpoint, or GCS's for a "gcp" target; null means AWS's regional endpoint.</summary>
    public static string? EndpointOf(BackupTarget target) =>
        target.Endpoint ?? (target.Provider == TargetProviders.Gcp ? "https://storage.googleapis.com" : null);
}

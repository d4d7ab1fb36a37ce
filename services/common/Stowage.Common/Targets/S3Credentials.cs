namespace Stowage.Common.Targets;

/// <summary>An S3 access key pair. ToString never shows the secret, so it cannot leak into a log.</summary>
public sealed record S3Credentials(string AccessKeyId, string SecretAccessKey)
{
    public override string ToString() => $"S3Credentials {{ AccessKeyId = {AccessKeyId}, SecretAccessKey = *** }}";
}

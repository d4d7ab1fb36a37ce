namespace Stowage.Common.Targets;

/// <summary>
/// What opens a target: the S3 key pair (empty for a local target) and the repository password.
/// ToString never shows a secret, so it cannot leak into a log.
/// </summary>
public sealed record TargetCredentials(string AccessKeyId, string SecretAccessKey, string RepositoryPassword)
{
    public override string ToString() => $"TargetCredentials {{ AccessKeyId = {AccessKeyId}, SecretAccessKey = ***, RepositoryPassword = *** }}";
}

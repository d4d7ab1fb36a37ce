using Stowage.Contracts.Policies;

namespace Stowage.Console.Pages;

/// <summary>Where a new policy's backups go, as the protect form sends it; the credentials are a reference (a secret or a configured name), never a secret.</summary>
public sealed class TargetForm
{
    public string Provider { get; set; } = TargetProviders.GenericS3;

    public string Bucket { get; set; } = "";

    public string? Endpoint { get; set; }

    public string? Prefix { get; set; }

    public string? Region { get; set; }

    public string? SecretName { get; set; }

    public string? CredentialsName { get; set; }

    public BackupTarget ToTarget() => new(
        Provider.Trim(), Bucket.Trim(),
        new CredentialsRef(SecretName: Blank(SecretName), ConfigurationName: Blank(CredentialsName)),
        Endpoint: Blank(Endpoint), Prefix: Prefix?.Trim() ?? "", Region: Blank(Region));

    public static TargetForm From(BackupTarget? target) => target is null ? new TargetForm() : new TargetForm
    {
        Provider = target.Provider, Bucket = target.Bucket, Endpoint = target.Endpoint, Prefix = target.Prefix, Region = target.Region,
        SecretName = target.Credentials.SecretName, CredentialsName = target.Credentials.ConfigurationName,
    };

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

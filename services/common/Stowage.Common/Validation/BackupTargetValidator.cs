using System.Text.RegularExpressions;
using FluentValidation;
using Stowage.Common.Targets;
using Stowage.Contracts.Policies;

namespace Stowage.Common.Validation;

/// <summary>
/// The rules of an S3-compatible (or local) target, shared by policies and restores. The endpoint must be somewhere
/// the <see cref="TargetAddressPolicy"/> allows, as it resolves now; each connection is checked again when it is made.
/// </summary>
public sealed partial class BackupTargetValidator : AbstractValidator<BackupTarget>
{
    public BackupTargetValidator(TargetAddressPolicy addresses)
    {
        RuleFor(t => t.Provider).NotEmpty().Must(p => TargetProviders.All.Contains(p))
            .WithMessage(t => $"'{{PropertyName}}' '{t.Provider}' is unknown; use one of: {string.Join(", ", TargetProviders.All)}.");
        RuleFor(t => t.Bucket).NotEmpty().Length(3, 63).Matches(BucketName()).Must(b => !b.Contains("..") && !IpAddress().IsMatch(b))
            .WithMessage("'{PropertyName}' must be an S3 bucket name: 3-63 lower-case letters, digits, '.' and '-', not an IP address.");
        RuleFor(t => t.Prefix).NotNull().MaximumLength(512).Must(BeAPlainPrefix)
            .WithMessage("'{PropertyName}' must be a relative key prefix without '..', '//' or a leading '/'.");
        RuleFor(t => t.Endpoint).NotEmpty().When(t => TargetProviders.NeedsEndpoint(t.Provider))
            .WithMessage(t => $"'{{PropertyName}}' is required for provider '{t.Provider}': give the S3 URL, e.g. https://minio.example:9000.");
        RuleFor(t => t.Endpoint).Must(BeAnHttpEndpoint!).When(t => !string.IsNullOrEmpty(t.Endpoint))
            .WithMessage("'{PropertyName}' must be an absolute http(s) URL without user info, path or query.");
        RuleFor(t => t.Endpoint).CustomAsync(async (endpoint, context, ct) =>
            {
                if (await addresses.CheckAsync(new Uri(endpoint!), ct) is { } refusal) context.AddFailure($"'{context.DisplayName}': {refusal}");
            })
            .When(t => !string.IsNullOrEmpty(t.Endpoint) && BeAnHttpEndpoint(t.Endpoint));
        RuleFor(t => t.Region).NotEmpty().When(t => t.Provider == TargetProviders.Aws)
            .WithMessage("'{PropertyName}' is required for AWS, e.g. eu-west-1.");
        RuleFor(t => t.Region).Matches(AwsRegion()).When(t => t.Provider == TargetProviders.Aws && !string.IsNullOrEmpty(t.Region))
            .WithMessage("'{PropertyName}' must look like an AWS region, e.g. us-east-1 or eu-central-2.");
        RuleFor(t => t.Region).Matches(GenericRegion()).MaximumLength(32).When(t => t.Provider != TargetProviders.Aws && !string.IsNullOrEmpty(t.Region))
            .WithMessage("'{PropertyName}' must be lower-case letters, digits and '-'.");
        RuleFor(t => t.Credentials).NotNull().SetValidator(new CredentialsRefValidator());
        RuleFor(t => t.Checksums).IsInEnum();
    }

    private static bool BeAPlainPrefix(string prefix) =>
        !prefix.StartsWith('/') && !prefix.Contains("//") && !prefix.Split('/').Contains("..") && !prefix.Any(char.IsControl);

    private static bool BeAnHttpEndpoint(string endpoint) =>
        Uri.TryCreate(endpoint, UriKind.Absolute, out var uri)
        && uri.Scheme is "http" or "https"
        && string.IsNullOrEmpty(uri.UserInfo)
        && uri.AbsolutePath == "/" && string.IsNullOrEmpty(uri.Query);

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]*[a-z0-9]$")]
    private static partial Regex BucketName();

    [GeneratedRegex(@"^\d+\.\d+\.\d+\.\d+$")]
    private static partial Regex IpAddress();

    [GeneratedRegex(@"^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d{1,2}$")]
    private static partial Regex AwsRegion();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex GenericRegion();
}

public sealed class CredentialsRefValidator : AbstractValidator<CredentialsRef>
{
    public CredentialsRefValidator()
    {
        RuleFor(c => c).Must(c => string.IsNullOrEmpty(c.SecretName) != string.IsNullOrEmpty(c.ConfigurationName))
            .OverridePropertyName(string.Empty)
            .WithMessage("'credentials' must name exactly one of 'secretName' (a Kubernetes secret) or 'configurationName'.");
        RuleFor(c => c.SecretName).MustBeDnsSubdomain().When(c => !string.IsNullOrEmpty(c.SecretName));
        RuleFor(c => c.SecretNamespace).MustBeDnsLabel().When(c => !string.IsNullOrEmpty(c.SecretNamespace));
        RuleFor(c => c.AccessKeyIdKey).NotEmpty();
        RuleFor(c => c.SecretAccessKeyKey).NotEmpty();
        RuleFor(c => c.ConfigurationName).Matches("^[A-Za-z0-9_-]{1,64}$").When(c => !string.IsNullOrEmpty(c.ConfigurationName));
    }
}

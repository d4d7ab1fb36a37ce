using System.Text.RegularExpressions;
using FluentValidation;

namespace Stowage.Common.Validation;

/// <summary>Kubernetes naming rules (RFC 1123 labels and subdomains) as FluentValidation rules.</summary>
public static partial class KubernetesNames
{
    public static IRuleBuilderOptions<T, string?> MustBeDnsLabel<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().MaximumLength(63).Matches(DnsLabel())
            .WithMessage("'{PropertyName}' must be a DNS label: lower-case letters, digits and '-', starting and ending with a letter or digit, at most 63 characters.");

    public static IRuleBuilderOptions<T, string?> MustBeDnsSubdomain<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().MaximumLength(253).Matches(DnsSubdomain())
            .WithMessage("'{PropertyName}' must be a DNS subdomain: lower-case letters, digits, '-' and '.', starting and ending with a letter or digit.");

    /// <summary>Whether the value is an RFC 1123 label (a namespace's name).</summary>
    public static bool IsDnsLabel(string? value) => value is { Length: > 0 and <= 63 } && DnsLabel().IsMatch(value);

    /// <summary>Whether the value is an RFC 1123 subdomain (most objects' names, claims included).</summary>
    public static bool IsDnsSubdomain(string? value) => value is { Length: > 0 and <= 253 } && DnsSubdomain().IsMatch(value);

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex DnsLabel();

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex DnsSubdomain();
}

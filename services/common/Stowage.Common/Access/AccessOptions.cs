namespace Stowage.Common.Access;

/// <summary>Configuration section "Access".</summary>
public sealed class AccessOptions
{
    /// <summary>How long a TokenReview or SubjectAccessReview answer is reused (a revoked token or Role takes this long to bite).</summary>
    public TimeSpan CacheFor { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Namespaces whose credentials Secrets any application's policy or restore may name (see <see cref="CredentialsPlacement"/>).</summary>
    public List<string> SharedCredentialsNamespaces { get; set; } = [];
}

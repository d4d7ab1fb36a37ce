using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Stowage.Contracts.Policies;

namespace Stowage.Common.Access;

/// <summary>
/// A policy or restore may name a credentials Secret only in its own application's namespace, or in one the platform
/// shares with everyone (Access:SharedCredentialsNamespaces), so a team cannot borrow another team's keys and password.
/// Named configuration entries are the platform's own and are not restricted here.
/// </summary>
public sealed class CredentialsPlacement(IOptions<AccessOptions> options)
{
    /// <summary>A 400 naming <paramref name="field"/> when the secret lies elsewhere; null when it may be used.</summary>
    public ValidationProblem? Refusal(CredentialsRef credentials, string defaultNamespace, string ownNamespace, string field) =>
        RefusalMessage(credentials, defaultNamespace, ownNamespace) is { } message
            ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "One or more fields are invalid.")
            : null;

    /// <summary>Why the secret may not be used, or null when it may.</summary>
    public string? RefusalMessage(CredentialsRef credentials, string defaultNamespace, string ownNamespace)
    {
        if (string.IsNullOrEmpty(credentials.SecretName)) return null;
        var secretNamespace = credentials.SecretNamespace ?? defaultNamespace;
        if (secretNamespace == ownNamespace || options.Value.SharedCredentialsNamespaces.Contains(secretNamespace)) return null;
        return $"The credentials Secret must be in namespace \"{ownNamespace}\" (the application's) or in a namespace the platform shares " +
            $"(Access:SharedCredentialsNamespaces), not in \"{secretNamespace}\".";
    }
}

using Stowage.Contracts.Policies;

namespace Stowage.Common.Targets;

/// <summary>Turns a policy's credentials reference into the key pair, from configuration or a Kubernetes secret.</summary>
public interface ICredentialsResolver
{
    /// <exception cref="CredentialsUnavailableException">The reference names nothing that can be read.</exception>
    Task<TargetCredentials> ResolveAsync(CredentialsRef reference, string defaultNamespace, CancellationToken cancellationToken);
}

public sealed class CredentialsUnavailableException(string message) : Exception(message);

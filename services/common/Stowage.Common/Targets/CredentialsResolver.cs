using System.Text;
using k8s;
using k8s.Autorest;
using Microsoft.Extensions.Configuration;
using Stowage.Contracts.Policies;

namespace Stowage.Common.Targets;

/// <summary>
/// Reads "Credentials:{name}:AccessKeyId|SecretAccessKey" from configuration, or the two keys of a Kubernetes
/// secret when a Kubernetes client is available (in a cluster or with a kubeconfig).
/// </summary>
public sealed class CredentialsResolver(IConfiguration configuration, IKubernetes? kubernetes = null) : ICredentialsResolver
{
    public async Task<TargetCredentials> ResolveAsync(CredentialsRef reference, string defaultNamespace, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(reference.ConfigurationName))
        {
            var name = $"Credentials:{reference.ConfigurationName}";
            var section = configuration.GetSection(name);
            if (!section.Exists())
            {
                throw new CredentialsUnavailableException(
                    $"Configuration has no '{name}:AccessKeyId', '{name}:SecretAccessKey' and '{name}:RepositoryPassword'.");
            }
            return new TargetCredentials(section["AccessKeyId"] ?? "", section["SecretAccessKey"] ?? "",
                section["RepositoryPassword"] is { Length: > 0 } password ? password
                : throw new CredentialsUnavailableException($"Configuration has no '{name}:RepositoryPassword'; it encrypts the backups."));
        }
        return await ReadSecretAsync(reference, defaultNamespace, cancellationToken);
    }

    private async Task<TargetCredentials> ReadSecretAsync(CredentialsRef reference, string defaultNamespace, CancellationToken cancellationToken)
    {
        var ns = reference.SecretNamespace ?? defaultNamespace;
        if (kubernetes is null)
        {
            throw new CredentialsUnavailableException($"Secret {ns}/{reference.SecretName} cannot be read: this service has no Kubernetes access configured.");
        }
        try
        {
            var secret = await kubernetes.CoreV1.ReadNamespacedSecretAsync(reference.SecretName, ns, cancellationToken: cancellationToken);
            return new TargetCredentials(
                Optional(secret.Data, reference.AccessKeyIdKey), Optional(secret.Data, reference.SecretAccessKeyKey),
                Key(secret.Data, reference.RepositoryPasswordKey, ns, reference.SecretName!));
        }
        catch (HttpOperationException ex)
        {
            throw new CredentialsUnavailableException($"Secret {ns}/{reference.SecretName} cannot be read: HTTP {(int)ex.Response.StatusCode}.");
        }
    }

    private static string Optional(IDictionary<string, byte[]>? data, string key) =>
        data is not null && data.TryGetValue(key, out var value) ? Encoding.UTF8.GetString(value) : "";

    private static string Key(IDictionary<string, byte[]>? data, string key, string ns, string name) =>
        data is not null && data.TryGetValue(key, out var value) && value.Length > 0
            ? Encoding.UTF8.GetString(value)
            : throw new CredentialsUnavailableException($"Secret {ns}/{name} has no key '{key}'.");
}

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
    public async Task<S3Credentials> ResolveAsync(CredentialsRef reference, string defaultNamespace, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(reference.ConfigurationName))
        {
            var section = configuration.GetSection($"Credentials:{reference.ConfigurationName}");
            var id = section["AccessKeyId"];
            var secret = section["SecretAccessKey"];
            if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(secret))
            {
                throw new CredentialsUnavailableException(
                    $"Configuration has no 'Credentials:{reference.ConfigurationName}:AccessKeyId' and 'SecretAccessKey'.");
            }
            return new S3Credentials(id, secret);
        }
        return await ReadSecretAsync(reference, defaultNamespace, cancellationToken);
    }

    private async Task<S3Credentials> ReadSecretAsync(CredentialsRef reference, string defaultNamespace, CancellationToken cancellationToken)
    {
        var ns = reference.SecretNamespace ?? defaultNamespace;
        if (kubernetes is null)
        {
            throw new CredentialsUnavailableException($"Secret {ns}/{reference.SecretName} cannot be read: this service has no Kubernetes access configured.");
        }
        try
        {
            var secret = await kubernetes.CoreV1.ReadNamespacedSecretAsync(reference.SecretName, ns, cancellationToken: cancellationToken);
            return new S3Credentials(Key(secret.Data, reference.AccessKeyIdKey, ns, reference.SecretName!), Key(secret.Data, reference.SecretAccessKeyKey, ns, reference.SecretName!));
        }
        catch (HttpOperationException ex)
        {
            throw new CredentialsUnavailableException($"Secret {ns}/{reference.SecretName} cannot be read: HTTP {(int)ex.Response.StatusCode}.");
        }
    }

    private static string Key(IDictionary<string, byte[]>? data, string key, string ns, string name) =>
        data is not null && data.TryGetValue(key, out var value) && value.Length > 0
            ? Encoding.UTF8.GetString(value)
            : throw new CredentialsUnavailableException($"Secret {ns}/{name} has no key '{key}'.");
}

using System.Net;
using System.Text;
using System.Text.Json;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Stowage.Mover.Cbt;

namespace Stowage.Mover.Runtime.ChangedBlocks;

/// <summary>Where a CSI driver's snapshot metadata service is, how to trust it, and the audience its tokens need.</summary>
public sealed record SnapshotMetadataEndpoint(Uri Address, string CaCertPem, string Audience);

/// <summary>
/// Finds a driver's SnapshotMetadataService (cbt.storage.k8s.io/v1beta1, cluster-scoped, named after the driver) and
/// asks the TokenRequest API for a token of the mover's ServiceAccount with the service's audience, as KEP-3314 has
/// backup applications do. RBAC: get on snapshotmetadataservices, create on serviceaccounts/token.
/// </summary>
public sealed class SnapshotMetadataDiscovery(IKubernetes kubernetes)
{
    // Long enough for a stream resumed late in a large volume's backup; the apiserver may shorten it.
    private static readonly TimeSpan TokenLifetime = TimeSpan.FromHours(2);

    /// <summary>The driver's service, or null when it offers none (no object, or the API not installed).</summary>
    public async Task<SnapshotMetadataEndpoint?> FindAsync(string driver, CancellationToken cancellationToken)
    {
        object found;
        try
        {
            found = await kubernetes.CustomObjects.GetClusterCustomObjectAsync("cbt.storage.k8s.io", "v1beta1", "snapshotmetadataservices", driver, cancellationToken);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        var spec = ((JsonElement)found).GetProperty("spec");
        var address = spec.GetProperty("address").GetString() ?? throw new InvalidDataException($"SnapshotMetadataService '{driver}' has no address.");
        var caCert = Encoding.ASCII.GetString(Convert.FromBase64String(spec.GetProperty("caCert").GetString() ?? ""));
        return new SnapshotMetadataEndpoint(new Uri($"https://{address}"), caCert, spec.GetProperty("audience").GetString() ?? "");
    }

    /// <summary>A token of the ServiceAccount for the endpoint's audience only (the apiserver's own audience is not in it).</summary>
    public async Task<string> TokenAsync(string ns, string serviceAccount, SnapshotMetadataEndpoint endpoint, CancellationToken cancellationToken)
    {
        var request = await kubernetes.CoreV1.CreateNamespacedServiceAccountTokenAsync(new Authenticationv1TokenRequest
        {
            Spec = new V1TokenRequestSpec { Audiences = [endpoint.Audience], ExpirationSeconds = (long)TokenLifetime.TotalSeconds },
        }, serviceAccount, ns, cancellationToken: cancellationToken);
        return request.Status.Token;
    }

    /// <summary>A client that trusts the endpoint's CA bundle only.</summary>
    public static SnapshotMetadataClient Connect(SnapshotMetadataEndpoint endpoint) =>
        new(endpoint.Address, ServiceCertificates.TrustOnly(endpoint.CaCertPem));
}

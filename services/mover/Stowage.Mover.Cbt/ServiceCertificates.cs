using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Stowage.Mover.Cbt;

/// <summary>TLS to a snapshot metadata service, trusting the CA bundle its SnapshotMetadataService names and nothing else.</summary>
public static class ServiceCertificates
{
    /// <summary>A handler that accepts the service's certificate only when it chains to caCertPem and names the host dialled.</summary>
    public static SocketsHttpHandler TrustOnly(string caCertPem)
    {
        var roots = new X509Certificate2Collection();
        roots.ImportFromPem(caCertPem);
        if (roots.Count == 0) throw new ArgumentException("The CA bundle holds no certificate.", nameof(caCertPem));
        return new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                {
                    // A name mismatch or a missing certificate is final; a chain error only means "not in the system store".
                    if (certificate is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != 0) return false;
                    using var chain = new X509Chain();
                    chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                    chain.ChainPolicy.CustomTrustStore.AddRange(roots);
                    chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                    using var presented = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
                    return chain.Build(presented);
                },
            },
        };
    }
}

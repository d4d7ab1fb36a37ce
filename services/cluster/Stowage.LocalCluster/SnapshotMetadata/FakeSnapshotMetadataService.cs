using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using k8s;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Stowage.LocalCluster.SnapshotMetadata;

/// <summary>
/// A stand-in for a CSI driver's Kubernetes SnapshotMetadata service (KEP-3314, the external-snapshot-metadata
/// sidecar's gRPC API, from its vendored proto) on loopback, over TLS with a CA of its own as the real one is. It
/// reviews tokens and access through the given cluster client (the stand-in cluster's admin), and answers from
/// snapshot images, files on this machine, added with <see cref="AddSnapshot"/>.
/// </summary>
public sealed class FakeSnapshotMetadataService : IAsyncDisposable
{
    private readonly WebApplication _host;
    private readonly SnapshotImages _images;
    private int _responses;
    private int _failed;
    private readonly List<long> _offsets = [];

    private FakeSnapshotMetadataService(WebApplication host, SnapshotImages images, FakeSnapshotMetadataOptions options, string caCertificatePem)
    {
        _host = host;
        _images = images;
        Options = options;
        CaCertificatePem = caCertificatePem;
    }

    public FakeSnapshotMetadataOptions Options { get; }

    /// <summary>https://127.0.0.1:PORT, the service's address.</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>PEM of the CA that signed the service's certificate (the SnapshotMetadataService's spec.caCert).</summary>
    public string CaCertificatePem { get; }

    /// <summary>Response messages sent before a stream fails with Unavailable, as a sidecar that restarts midway.</summary>
    public int FailAfterResponses { get; set; } = int.MaxValue;

    /// <summary>How many streams fail once <see cref="FailAfterResponses"/> is passed (then the service answers again):
    /// one by default, as after a restart; int.MaxValue for a service that stays broken.</summary>
    public int Failures { get; set; } = 1;

    /// <summary>Streams failed by <see cref="FailAfterResponses"/> so far.</summary>
    public int Failed => Volatile.Read(ref _failed);

    /// <summary>The starting_offset of every request, in order.</summary>
    public IReadOnlyList<long> StartingOffsets { get { lock (_offsets) return _offsets.ToList(); } }

    internal void Record(long startingOffset)
    {
        lock (_offsets) _offsets.Add(startingOffset);
    }

    internal bool TakeFailure()
    {
        if (Volatile.Read(ref _failed) >= Failures) return false;
        Interlocked.Increment(ref _failed);
        return true;
    }

    /// <summary>Response messages sent (or refused by <see cref="FailAfterResponses"/>) so far.</summary>
    public int Responses => Volatile.Read(ref _responses);

    internal int CountResponse() => Interlocked.Increment(ref _responses);

    public static async Task<FakeSnapshotMetadataService> StartAsync(IKubernetes cluster, FakeSnapshotMetadataOptions? options = null)
    {
        options ??= new FakeSnapshotMetadataOptions();
        var (ca, server) = Certificates();
        var images = new SnapshotImages();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
        {
            listen.Protocols = HttpProtocols.Http2;
            listen.UseHttps(server);
        }));
        builder.Services.AddGrpc();
        FakeSnapshotMetadataService? service = null;
        builder.Services.AddSingleton(provider => new SnapshotMetadataHandler(images, cluster, options, service!));
        var host = builder.Build();
        host.MapGrpcService<SnapshotMetadataHandler>();
        service = new FakeSnapshotMetadataService(host, images, options, ca.ExportCertificatePem());
        await host.StartAsync();
        service.Address = new Uri(host.Urls.First());
        return service;
    }

    /// <summary>Makes a VolumeSnapshot's image known to the driver.</summary>
    public void AddSnapshot(SnapshotImage image) => _images.Add(image);

    /// <summary>Forgets a snapshot by its handle, as when its VolumeSnapshotContent was deleted.</summary>
    public void RemoveSnapshot(string handle) => _images.Remove(handle);

    /// <summary>The CustomResourceDefinition of SnapshotMetadataService objects, as the external-snapshot-metadata project ships it.</summary>
    public static JsonObject Crd() => JsonNode.Parse("""
        {"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition","metadata":{"name":"snapshotmetadataservices.cbt.storage.k8s.io"},
         "spec":{"group":"cbt.storage.k8s.io","scope":"Cluster","names":{"kind":"SnapshotMetadataService","plural":"snapshotmetadataservices","singular":"snapshotmetadataservice","shortNames":["sms"]},
                 "versions":[{"name":"v1beta1","served":true,"storage":true}]}}
        """)!.AsObject();

    /// <summary>The SnapshotMetadataService object that advertises this service (cbt.storage.k8s.io/v1beta1, cluster-scoped).</summary>
    public JsonObject ServiceObject() => new()
    {
        ["apiVersion"] = "cbt.storage.k8s.io/v1beta1",
        ["kind"] = "SnapshotMetadataService",
        ["metadata"] = new JsonObject { ["name"] = Options.Driver },
        ["spec"] = new JsonObject
        {
            ["address"] = Address.Authority,
            ["audience"] = Options.Audience,
            ["caCert"] = Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes(CaCertificatePem)),
        },
    };

    /// <summary>A CA, and a certificate for 127.0.0.1 and localhost it signed (with its key, loadable by Kestrel).</summary>
    private static (X509Certificate2 Ca, X509Certificate2 Server) Certificates()
    {
        var now = DateTimeOffset.UtcNow;
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=stowage stand-in snapshot metadata CA", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        using var ca = caRequest.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(7));

        using var serverKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost", serverKey, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var signed = request.Create(ca, now.AddMinutes(-5), now.AddDays(7), RandomNumberGenerator.GetBytes(8));
        using var withKey = signed.CopyWithPrivateKey(serverKey);
        return (X509CertificateLoader.LoadCertificate(ca.RawData), X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pfx), null));
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        await _host.DisposeAsync();
    }
}

using Stowage.Contracts;
using Stowage.Contracts.Backups;
using Stowage.Contracts.Restores;
using Stowage.Local;
using Stowage.Testing.Dapr;
using Stowage.LocalCluster;
using Stowage.Testing.S3;

namespace Stowage.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A whole Stowage installation for a test: <see cref="LocalInstallation"/> (five service processes, the local
/// sidecar, the Kubernetes API stand-in), credentials for the S3 test server, and an app recording run events.
/// </summary>
public sealed class StowageCluster : IAsyncDisposable
{
    public static readonly string[] RecordedTopics = [BackupTopics.Requested, BackupTopics.Finished, BackupTopics.Progress, RestoreTopics.Finished];

    /// <summary>How often the services reconcile in these tests (30 s by default).</summary>
    public static readonly TimeSpan ReconciliationPeriod = TimeSpan.FromSeconds(5);

    private StowageCluster(LocalInstallation installation, EventRecorder recorder, S3ServerFixture s3)
    {
        Installation = installation;
        Recorder = recorder;
        S3 = s3;
    }

    public LocalInstallation Installation { get; }

    public EventRecorder Recorder { get; }

    public S3ServerFixture S3 { get; }

    public string VolumeRoot => Installation.VolumeRoot;

    public FakeKubernetesApiServer Kubernetes => Installation.Kubernetes;

    public ServiceProcess this[string service] => Installation[service];

    public HttpClient Client(string service) => Installation.Client(service);

    /// <summary>A client of one service's API that calls with <paramref name="token"/> instead of the operator's.</summary>
    public HttpClient Client(string service, string token)
    {
        var client = Installation.Client(service);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>The one loopback address targets may be on: exactly the S3 test server's (docs/operations.md, "Target network policy").</summary>
    public static string AllowedTargetAddress(S3ServerFixture s3) => new Uri(s3.ServiceUrl).Authority;

    public static async Task<StowageCluster> StartAsync(S3ServerFixture s3, IEnumerable<string>? services = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        var all = new Dictionary<string, string>
        {
            ["Credentials__e2e__AccessKeyId"] = s3.AccessKey,
            ["Credentials__e2e__SecretAccessKey"] = s3.SecretKey,
            ["Credentials__e2e__RepositoryPassword"] = "end-to-end repository password",
            ["Reconciliation__Period"] = ReconciliationPeriod.ToString(),
            ["Targets__AllowedAddresses__0"] = AllowedTargetAddress(s3),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) all[key] = value;
        // STOWAGE_E2E_KEEP=1 keeps each installation's folder (service logs, volumes, repositories) for a post-mortem.
        var root = Environment.GetEnvironmentVariable("STOWAGE_E2E_KEEP") == "1" ? Directory.CreateTempSubdirectory("stowage-e2e-").FullName : null;
        var installation = await LocalInstallation.StartAsync(services ?? LocalInstallation.AllServices, all, extraApps: ["recorder"], root: root);
        var recorder = await EventRecorder.StartAsync(installation.Sidecar("recorder").AppPort, DaprComponents.PubSub, RecordedTopics);
        return new StowageCluster(installation, recorder, s3);
    }

    public async ValueTask DisposeAsync()
    {
        await Installation.DisposeAsync();
        await Recorder.DisposeAsync();
    }
}

using Stowage.Contracts;
using Stowage.Contracts.Backups;
using Stowage.Contracts.Restores;
using Stowage.LocalSidecar.Hosting;
using Stowage.Testing.Dapr;
using Stowage.Testing.Kubernetes;
using Stowage.Testing.S3;

namespace Stowage.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A whole Stowage installation on this machine: the five services as separate processes, the local Dapr sidecar,
/// the fake Kubernetes API holding the applications, and the S3 test server. Volumes are folders under
/// <see cref="VolumeRoot"/>; hooks run as local processes.
/// </summary>
public sealed class StowageCluster : IAsyncDisposable
{
    public static readonly string[] Services = ["policy", "discovery", "scheduler", "mover", "restore"];
    public static readonly string[] RecordedTopics = [BackupTopics.Finished, BackupTopics.Progress, RestoreTopics.Finished];

    private readonly Dictionary<string, ServiceProcess> processes = [];
    private LocalSidecarHost? sidecar;

    private StowageCluster(string root, FakeKubernetesApiServer kubernetes, S3ServerFixture s3)
    {
        Root = root;
        Kubernetes = kubernetes;
        S3 = s3;
    }

    public string Root { get; }

    public string VolumeRoot => Path.Combine(Root, "volumes");

    public FakeKubernetesApiServer Kubernetes { get; }

    public S3ServerFixture S3 { get; }

    public EventRecorder Recorder { get; private set; } = null!;

    public ServiceProcess this[string service] => processes[service];

    public HttpClient Client(string service) => new() { BaseAddress = new Uri(processes[service].Url), Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>Starts an installation; <paramref name="services"/> picks which services run (a new cluster may run only restore).</summary>
    public static async Task<StowageCluster> StartAsync(S3ServerFixture s3, IEnumerable<string>? services = null)
    {
        var root = Directory.CreateTempSubdirectory("stowage-e2e-").FullName;
        var cluster = new StowageCluster(root, await FakeKubernetesApiServer.StartAsync(), s3);
        await cluster.StartServicesAsync(services ?? Services);
        return cluster;
    }

    private async Task StartServicesAsync(IEnumerable<string> services)
    {
        var chosen = services.ToList();
        var options = new LocalSidecarOptions();
        foreach (var service in chosen) options.Apps.Add(new LocalSidecarAppOptions($"stowage-{service}", FreeTcpPort.Next()));
        options.Apps.Add(new LocalSidecarAppOptions("recorder", FreeTcpPort.Next()));
        sidecar = await LocalSidecarHost.StartAsync(options);
        Recorder = await EventRecorder.StartAsync(sidecar.EndpointsOf("recorder").AppPort, DaprComponents.PubSub, RecordedTopics);

        var logs = Directory.CreateDirectory(Path.Combine(Root, "logs")).FullName;
        foreach (var service in chosen)
        {
            var endpoints = sidecar.EndpointsOf($"stowage-{service}");
            var environment = new Dictionary<string, string>(endpoints.EnvironmentVariables)
            {
                ["Kubernetes__Url"] = Kubernetes.Url,
                ["Discovery__KubernetesUrl"] = Kubernetes.Url,
                ["Mover__VolumeRoot"] = VolumeRoot,
                ["Mover__LocalRepositoryRoot"] = Path.Combine(Root, "repositories"),
                ["Mover__HookMode"] = "local",
                ["Credentials__e2e__AccessKeyId"] = S3.AccessKey,
                ["Credentials__e2e__SecretAccessKey"] = S3.SecretKey,
                ["Credentials__e2e__RepositoryPassword"] = "end-to-end repository password",
                ["Logging__LogLevel__Default"] = "Information",
            };
            var process = new ServiceProcess(service, RepositoryRoot.ServiceDll(service), endpoints.AppPort, environment, logs);
            processes[service] = process;
            await process.StartAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in processes.Values) await process.DisposeAsync();
        if (Recorder is not null) await Recorder.DisposeAsync();
        if (sidecar is not null) await sidecar.DisposeAsync();
        await Kubernetes.DisposeAsync();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

using Microsoft.Extensions.Logging;
using Stowage.LocalSidecar.Hosting;
using Stowage.LocalCluster;

namespace Stowage.Local;

/// <summary>
/// Stowage on one machine: the local Dapr sidecar, the five services as separate processes, and a two-node stand-in
/// cluster holding the applications. Its kubelet runs volume jobs' pods as local processes of this checkout's
/// stowage-mover, so data moves the way it does in a cluster; claims are folders under <see cref="VolumeRoot"/>, hooks
/// run as local processes, "local" targets are folders under <see cref="RepositoryRoot"/>. The cluster authorizes every
/// request: each service calls it with its own ServiceAccount's token under the RBAC the chart ships
/// (<see cref="ServiceIdentities"/>); users and tests act as <see cref="OperatorToken"/>.
/// </summary>
public sealed class LocalInstallation : IAsyncDisposable
{
    public static readonly string[] AllServices = ["policy", "discovery", "scheduler", "mover", "restore"];

    /// <summary>The five services and the web console, which starts last because it calls the others.</summary>
    public static readonly string[] WithConsole = [.. AllServices, "console"];

    private readonly Dictionary<string, ServiceProcess> processes = [];
    private readonly bool deleteRoot;
    private LocalSidecarOptions? sidecarOptions;
    private LocalSidecarHost? sidecar;
    private readonly IReadOnlyDictionary<string, string> settings;
    private readonly IReadOnlyDictionary<string, string> serviceTokens;

    private LocalInstallation(string root, bool deleteRoot, FakeKubernetesApiServer kubernetes, IReadOnlyDictionary<string, string> settings,
        IReadOnlyDictionary<string, string> serviceTokens)
    {
        this.settings = settings;
        this.serviceTokens = serviceTokens;
        Root = root;
        this.deleteRoot = deleteRoot;
        Kubernetes = kubernetes;
    }

    public string Root { get; }

    public string VolumeRoot => Kubernetes.VolumeRoot;

    public string RepositoryRoot => Path.Combine(Root, "repositories");

    /// <summary>Where the mover keeps each run's temporary files.</summary>
    public string ScratchRoot => Path.Combine(Root, "scratch");

    public FakeKubernetesApiServer Kubernetes { get; }

    /// <summary>The sidecar's SQLite file: state (policies, run history) and undelivered events survive a restart.</summary>
    public string SidecarDatabase => Path.Combine(Root, "sidecar.db");

    public ServiceProcess this[string service] => processes[service];

    /// <summary>Sidecar endpoints of an extra app (for example a test's event recorder).</summary>
    public SidecarAppEndpoints Sidecar(string appId) => sidecar!.EndpointsOf(appId);

    /// <summary>
    /// The one API address (the console's front door): every service's API, reached through the console's sidecar,
    /// the address the CLI and users use. Null when the console is not among the started services.
    /// </summary>
    public string? ApiUrl => processes.TryGetValue("console", out var console) ? console.Url : null;

    /// <summary>A client of the front door (<see cref="ApiUrl"/>), calling as this install's operator.</summary>
    public HttpClient ApiClient() => AsOperator(ApiUrl ?? throw new InvalidOperationException("The console (the front door) is not running."));

    /// <summary>A client of one service's own API, calling as this install's operator.</summary>
    public HttpClient Client(string service) => AsOperator(processes[service].Url);

    /// <summary>The bearer token of this install's one operator: the stand-in cluster's admin, as kubeadm's admin.conf is.</summary>
    public string OperatorToken => Kubernetes.AdminToken;

    private HttpClient AsOperator(string url)
    {
        var client = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", OperatorToken);
        return client;
    }

    /// <summary>The checkout's Dapr components folder, whose pub/sub topic scoping the local sidecar honours.</summary>
    public static string ComponentsDirectory => Path.Combine(ServiceBinaries.RepositoryRoot(), "components");

    /// <param name="services">Which services run (a brand-new cluster that only restores may run just "restore").</param>
    /// <param name="settings">Configuration given to every service, e.g. Credentials__name__AccessKeyId.</param>
    /// <param name="extraApps">App ids of other apps that talk through the same sidecar.</param>
    /// <param name="root">Folder for volumes, repositories and logs; a new temporary one (deleted at the end) when null.</param>
    public static async Task<LocalInstallation> StartAsync(IEnumerable<string> services, IReadOnlyDictionary<string, string> settings,
        IEnumerable<string>? extraApps = null, string? root = null)
    {
        var folder = root ?? Directory.CreateTempSubdirectory("stowage-local-").FullName;
        // The stand-in cluster checks every request as an apiserver does: each service acts with its own ServiceAccount's
        // token, under exactly the RBAC the chart ships.
        var cluster = await FakeKubernetesApiServer.StartAsync(new FakeKubernetesApiServerOptions
        {
            Authorization = true, RunWorkloads = true, VolumeRoot = Path.Combine(folder, "volumes"), Images = LocalImages.All(),
        });
        var tokens = await ServiceIdentities.InstallAsync(cluster, WithConsole);
        var installation = new LocalInstallation(folder, root is null, cluster, settings, tokens);
        // The services log to their own files; the sidecar stays quiet unless something is badly wrong.
        var options = new LocalSidecarOptions
        {
            SqlitePath = installation.SidecarDatabase,
            ConfigureLogging = logging => logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Critical),
        };
        // The topic scoping of components/pubsub.yaml, as daprd started with that folder honours it: commands are protected.
        options.UseTopicScopesOfComponents(ComponentsDirectory);
        var chosen = services.OrderBy(s => s == "console").ToList();
        foreach (var appId in chosen.Select(s => $"stowage-{s}").Concat(extraApps ?? []))
        {
            options.Apps.Add(new LocalSidecarAppOptions(appId, LoopbackPorts.PickUnused()));
        }
        installation.sidecar = await LocalSidecarHost.StartAsync(options);
        installation.sidecarOptions = options;
        foreach (var service in chosen) await installation.StartServiceAsync(service);
        return installation;
    }

    /// <summary>
    /// Stops the sidecar and starts it again on the same ports, as a crash or an upgrade would: state and undelivered events
    /// come back from SQLite, running workflows do not (the services' reconciliation heals them).
    /// </summary>
    public async Task RestartSidecarAsync()
    {
        var endpoints = sidecar!.Apps.Values.ToList();
        await sidecar.DisposeAsync();
        var options = new LocalSidecarOptions { SqlitePath = sidecarOptions!.SqlitePath, ConfigureLogging = sidecarOptions.ConfigureLogging };
        options.UseTopicScopesOfComponents(ComponentsDirectory);
        // The same tokens: the running services hold them.
        foreach (var app in endpoints) options.Apps.Add(new LocalSidecarAppOptions(app.AppId, app.AppPort, app.GrpcPort, app.HttpPort, app.Tokens));
        sidecarOptions = options;
        sidecar = await LocalSidecarHost.StartAsync(options);
    }

    /// <summary>
    /// Another replica of <paramref name="service"/>, as a Deployment scaled up would have: the same app id and settings,
    /// its own port and log ("{service}-{n}"). The sidecar gives workflow work to whichever replica's worker asks for
    /// it; pub/sub deliveries and service invocation still reach the first replica only.
    /// </summary>
    public async Task<ServiceProcess> StartReplicaAsync(string service)
    {
        var name = $"{service}-{processes.Keys.Count(k => k == service || k.StartsWith($"{service}-")) + 1}";
        return await StartServiceAsync(service, name, LoopbackPorts.PickUnused());
    }

    private async Task<ServiceProcess> StartServiceAsync(string service, string? name = null, int? port = null)
    {
        var endpoints = sidecar!.EndpointsOf($"stowage-{service}");
        var environment = new Dictionary<string, string>(endpoints.EnvironmentVariables)
        {
            ["Kubernetes__Url"] = Kubernetes.Url,
            ["Kubernetes__Token"] = serviceTokens[service],
            ["Mover__DataPath"] = "jobs",
            ["Mover__Jobs__Image"] = $"{LocalImages.Mover}:local",
            ["Mover__Jobs__Entrypoint"] = LocalImages.MoverEntrypoint,
            ["Mover__LocalRepositoryRoot"] = RepositoryRoot,
            ["Mover__ScratchRoot"] = ScratchRoot,
            ["Mover__HookMode"] = "local",
            ["Commands__ServiceAccount"] = $"{ServiceIdentities.ReleaseNamespace}/{ServiceIdentities.CommandsAccount}",
            ["Mover__ServiceAccount"] = $"{ServiceIdentities.ReleaseNamespace}/stowage-{service}",
            ["Logging__LogLevel__Default"] = "Information",
        };
        if (service == "console") AddConsoleSettings(environment);
        foreach (var (key, value) in settings) environment[key] = value;
        var logs = Directory.CreateDirectory(Path.Combine(Root, "logs")).FullName;
        var process = new ServiceProcess(name ?? service, ServiceBinaries.ServiceDll(service), port ?? endpoints.AppPort, environment, logs);
        processes[name ?? service] = process;
        await process.StartAsync();
        return process;
    }

    // The console reaches the services, and forwards the API, through its sidecar as in a cluster; whoever reaches the
    // loopback address is this install's one operator, whose token the console sends on.
    private void AddConsoleSettings(Dictionary<string, string> environment)
    {
        environment["Console__Access"] = "single-user";
        environment["Console__OperatorToken"] = OperatorToken;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in processes.Values) await process.DisposeAsync();
        if (sidecar is not null) await sidecar.DisposeAsync();
        await Kubernetes.DisposeAsync();
        if (!deleteRoot) return;
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Stowage.Testing.S3;

/// <summary>
/// A real S3 server for tests: Ceph's RADOS Gateway on 127.0.0.1 over a private single-node Ceph cluster
/// (one monitor, one OSD) whose state lives in one temporary folder. Each instance is independent, so
/// several test processes can run side by side. The daemons are killed and the folder deleted on
/// <see cref="Dispose"/>, at process exit, on SIGTERM, and by a detached watchdog if the test process is killed.
/// </summary>
public sealed class RadosGateway : IDisposable, IAsyncDisposable
{
    private const int Attempts = 3;

    private readonly CephCluster cluster;
    private readonly PosixSignalRegistration sigterm;

    private RadosGateway(CephCluster cluster)
    {
        this.cluster = cluster;
        ServiceUrl = $"http://127.0.0.1:{cluster.GatewayPort}";
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;

        // .NET raises ProcessExit on a normal exit but not when the process is sent SIGTERM.
        sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => cluster.Dispose());
    }

    /// <summary>The S3 endpoint, such as <c>http://127.0.0.1:40123</c>.</summary>
    public string ServiceUrl { get; }

    /// <summary>The folder holding the cluster's configuration, data, logs and pid files.</summary>
    public string Directory => cluster.Workspace.Root;

    /// <summary>How long <see cref="StartAsync"/> took.</summary>
    public TimeSpan StartupTime { get; private set; }

    /// <summary>Process ids of radosgw, the OSD and the monitor, in that order.</summary>
    public IReadOnlyList<int> ProcessIds => cluster.Daemons.Select(daemon => daemon.Pid ?? 0).ToList();

    /// <summary>Starts a cluster and waits until its S3 endpoint answers; about 5-20 s.</summary>
    /// <exception cref="RadosGatewayStartException">A step failed; the message names it and quotes the daemon's log.</exception>
    public static async Task<RadosGateway> StartAsync(RadosGatewayOptions? options = null, CancellationToken ct = default)
    {
        options ??= new RadosGatewayOptions();
        Prerequisites.EnsureInstalled();
        var clock = Stopwatch.StartNew();
        for (var attempt = 1; ; attempt++)
        {
            var gateway = new RadosGateway(CephCluster.Create(options));
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                timeout.CancelAfter(options.StartTimeout);
                await ClusterBootstrap.RunAsync(gateway.cluster, options, timeout.Token);
                await S3Readiness.WaitAsync(gateway.cluster, new Uri(gateway.ServiceUrl), options.StartTimeout - clock.Elapsed, timeout.Token);
                gateway.StartupTime = clock.Elapsed;
                return gateway;
            }
            catch (RadosGatewayStartException e) when (e.IsPortCollision && attempt < Attempts)
            {
                gateway.Dispose();
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                var failure = gateway.cluster.Failure($"The S3 server did not start within {options.StartTimeout.TotalSeconds:0} s");
                gateway.Dispose();
                throw failure;
            }
            catch
            {
                gateway.Dispose();
                throw;
            }
        }
    }

    /// <summary>Creates an S3 user with fresh random keys (<c>radosgw-admin user create</c>).</summary>
    public async Task<S3Credentials> CreateUserAsync(string userId, CancellationToken ct = default)
    {
        var credentials = new S3Credentials(userId, RandomKeys.AccessKey(), RandomKeys.SecretKey());
        await CephTool.RunAsync($"creating S3 user {userId}", "radosgw-admin",
            ["-c", cluster.Workspace.ConfigFile, "-n", "client.admin", "user", "create", $"--uid={userId}",
             $"--display-name={userId}", $"--access-key={credentials.AccessKey}", $"--secret-key={credentials.SecretKey}"],
            cluster.Gateway.LogFile, ct);
        return credentials;
    }

    /// <summary>Stops radosgw alone, as an object-store outage would: the endpoint refuses connections, and the data stays.</summary>
    public void StopGateway() => cluster.Gateway.Kill();

    /// <summary>Starts radosgw again on the same port after <see cref="StopGateway"/> and waits until it answers.</summary>
    public async Task StartGatewayAsync(CancellationToken ct = default)
    {
        ClusterBootstrap.StartGateway(cluster);
        await S3Readiness.WaitAsync(cluster, new Uri(ServiceUrl), TimeSpan.FromSeconds(60), ct);
    }

    /// <summary>Kills radosgw, the OSD and the monitor, in that order, and deletes <see cref="Directory"/>.</summary>
    public void Dispose()
    {
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        sigterm.Dispose();
        cluster.Dispose();
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private void OnProcessExit(object? sender, EventArgs e) => cluster.Dispose();
}

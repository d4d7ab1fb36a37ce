namespace Stowage.Testing.S3;

/// <summary>The running monitor, OSD and gateway of one test process, and the folder that holds all their state.</summary>
internal sealed class CephCluster : IDisposable
{
    private int disposed;

    private CephCluster(ClusterWorkspace workspace, int gatewayPort)
    {
        Workspace = workspace;
        GatewayPort = gatewayPort;
        Monitor = new CephDaemon(workspace, CephConfigFile.MonitorName, "ceph-mon");
        Osd = new CephDaemon(workspace, CephConfigFile.OsdName, "ceph-osd");
        Gateway = new CephDaemon(workspace, CephConfigFile.GatewayName, "radosgw");
        OrphanWatchdog.Start(workspace, Daemons.Select(daemon => daemon.Name));
    }

    public ClusterWorkspace Workspace { get; }

    public int GatewayPort { get; }

    public CephDaemon Monitor { get; }

    public CephDaemon Osd { get; }

    public CephDaemon Gateway { get; }

    /// <summary>In stop order. radosgw goes first: with the OSD gone it waits ~120 s on in-flight requests.</summary>
    public IReadOnlyList<CephDaemon> Daemons => [Gateway, Osd, Monitor];

    public static CephCluster Create(RadosGatewayOptions options) =>
        new(ClusterWorkspace.Create(options.ParentDirectory), LoopbackPort.PickFree());

    /// <summary>A start-up error quoting the logs of every daemon, for failures that no single daemon reported.</summary>
    public RadosGatewayStartException Failure(string what) =>
        new($"{what}.{string.Concat(Daemons.Select(daemon => daemon.LogTails()))}");

    /// <summary>Safe to call from any thread and more than once; runs synchronously so it also works at process exit.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        foreach (var daemon in Daemons)
        {
            daemon.Kill();
        }

        // If the test runner kills us halfway through, the watchdog, still waiting for the folder to go, finishes the job.
        Workspace.Delete();
    }
}

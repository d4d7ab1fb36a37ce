namespace Stowage.Testing.S3;

/// <summary>The start-up steps of a one-monitor, one-OSD cluster with a gateway, each failing with its own message.</summary>
internal static class ClusterBootstrap
{
    public static async Task RunAsync(CephCluster cluster, RadosGatewayOptions options, CancellationToken ct)
    {
        var ws = cluster.Workspace;
        var fsid = Guid.NewGuid();
        var monitorPort = LoopbackPort.PickFree();
        await File.WriteAllTextAsync(ws.ConfigFile, CephConfigFile.Render(ws, fsid, monitorPort, options), ct);

        await CreateKeyringAsync(ws, ct);
        await CephTool.RunAsync("creating the monitor map", "monmaptool",
            ["--create", "--fsid", fsid.ToString(), "--addv", "a", $"[v2:127.0.0.1:{monitorPort}]", ws.MonMap], null, ct);
        await CephTool.RunAsync("creating the monitor store", "ceph-mon",
            [.. Daemon(ws, cluster.Monitor), "--mkfs", "--monmap", ws.MonMap, "--keyring", ws.Keyring], cluster.Monitor.LogFile, ct);
        await cluster.Monitor.StartDaemonizedAsync(ct);

        var osdUuid = Guid.NewGuid().ToString();
        await CephTool.RunAsync("registering the OSD with the monitor", "ceph",
            ["-c", ws.ConfigFile, "-n", "client.admin", "--connect-timeout", "30", "osd", "new", osdUuid, "0"], cluster.Monitor.LogFile, ct);
        await CephTool.RunAsync("creating the OSD store", "ceph-osd",
            [.. Daemon(ws, cluster.Osd), "--mkfs", "--osd-uuid", osdUuid], cluster.Osd.LogFile, ct);
        await cluster.Osd.StartDaemonizedAsync(ct);

        StartGateway(cluster);
    }

    public static void StartGateway(CephCluster cluster) =>
        cluster.Gateway.StartInForeground(["--rgw_frontends", $"beast endpoint=127.0.0.1:{cluster.GatewayPort}"]);

    private static async Task CreateKeyringAsync(ClusterWorkspace ws, CancellationToken ct)
    {
        string[][] entities =
        [
            ["-n", "mon.", "--cap", "mon", "allow *"],
            ["-n", "client.admin", "--cap", "mon", "allow *", "--cap", "osd", "allow *", "--cap", "mgr", "allow *"],
            ["-n", CephConfigFile.OsdName, "--cap", "mon", "allow profile osd", "--cap", "osd", "allow *"],
            ["-n", CephConfigFile.GatewayName, "--cap", "mon", "allow rw", "--cap", "osd", "allow rwx"],
        ];

        // The monitor imports every key of this keyring at --mkfs, so the OSD and gateway need no `ceph auth add`.
        var create = true;
        foreach (var entity in entities)
        {
            string[] args = create ? ["--create-keyring", ws.Keyring, "--gen-key", .. entity] : [ws.Keyring, "--gen-key", .. entity];
            await CephTool.RunAsync("creating cephx keys", "ceph-authtool", args, null, ct);
            create = false;
        }
    }

    private static string[] Daemon(ClusterWorkspace ws, CephDaemon daemon) => ["-c", ws.ConfigFile, "-n", daemon.Name];
}

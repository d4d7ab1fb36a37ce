namespace Stowage.Testing.S3;

/// <summary>Every path the cluster writes to, all inside one folder so test processes never share state.</summary>
internal sealed class ClusterWorkspace
{
    private ClusterWorkspace(string root)
    {
        Root = root;
    }

    public string Root { get; }

    public string ConfigFile => Path.Combine(Root, "ceph.conf");

    public string Keyring => Path.Combine(Root, "keyring");

    public string MonMap => Path.Combine(Root, "monmap");

    public string RunDirectory => Path.Combine(Root, "run");

    public string LogDirectory => Path.Combine(Root, "log");

    public string MonitorData => Path.Combine(Root, "mon");

    public string OsdData => Path.Combine(Root, "osd");

    // Outside OsdData: ceph-osd --mkfs places a symlink named "block" in OsdData pointing at this file.
    public string OsdBlockFile => Path.Combine(Root, "osd-block");

    public string GatewayData => Path.Combine(Root, "rgw");

    public string CrashDirectory => Path.Combine(Root, "crash");

    public string OwnerPidFile => Path.Combine(Root, "owner.pid");

    public static ClusterWorkspace Create(string? parent)
    {
        var root = Path.Combine(parent ?? Path.GetTempPath(), $"stowage-s3-{Guid.NewGuid():N}"[..19]);
        var workspace = new ClusterWorkspace(root);
        string[] folders =
            [root, workspace.RunDirectory, workspace.LogDirectory, workspace.MonitorData, workspace.OsdData, workspace.GatewayData, workspace.CrashDirectory];
        foreach (var dir in folders)
        {
            Directory.CreateDirectory(dir);
        }

        File.WriteAllText(workspace.OwnerPidFile, Environment.ProcessId.ToString());
        return workspace;
    }

    public string PidFile(string daemonName) => Path.Combine(RunDirectory, $"{daemonName}.pid");

    public string LogFile(string daemonName) => Path.Combine(LogDirectory, $"{daemonName}.log");

    public string StderrFile(string daemonName) => Path.Combine(LogDirectory, $"{daemonName}.stderr");

    public void Delete()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Already gone, or a file still held; the watchdog removes what is left once we exit.
        }
    }
}

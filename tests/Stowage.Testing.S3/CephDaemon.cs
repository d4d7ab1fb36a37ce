using System.Diagnostics;

namespace Stowage.Testing.S3;

/// <summary>One daemon (monitor, OSD or gateway) that forks itself into the background and writes a pid file.</summary>
internal sealed class CephDaemon
{
    private static readonly TimeSpan PidFileTimeout = TimeSpan.FromSeconds(30);

    private readonly ClusterWorkspace workspace;

    public CephDaemon(ClusterWorkspace workspace, string name, string binary)
    {
        this.workspace = workspace;
        Name = name;
        Binary = binary;
    }

    public string Name { get; }

    public string Binary { get; }

    public int? Pid { get; private set; }

    public string LogFile => workspace.LogFile(Name);

    public bool IsRunning => Pid is { } pid && ProcessTable.IsAlive(pid);

    /// <summary>Returns once the daemon's foreground half has exited, which for mon and OSD means it is initialised.</summary>
    public async Task StartDaemonizedAsync(CancellationToken ct)
    {
        using (var launcher = CephTool.Start($"starting {Binary}", LaunchInfo([])))
        {
            await launcher.WaitForExitAsync(ct);
            if (launcher.ExitCode != 0)
            {
                throw Failure($"{Binary} exited with code {launcher.ExitCode} while starting");
            }
        }

        Pid = await ReadPidAsync(ct);
    }

    /// <summary>
    /// Runs the daemon as our child; used for radosgw, whose background half reports nothing useful, so a
    /// failure (a taken port) is seen at once as an exited process.
    /// </summary>
    public void StartInForeground(IEnumerable<string> arguments)
    {
        using var process = CephTool.Start($"starting {Binary}", LaunchInfo(arguments.Prepend("-f")));
        Pid = process.Id;
    }

    private ProcessStartInfo LaunchInfo(IEnumerable<string> arguments)
    {
        // Output goes to a file, not a pipe: the forked daemon inherits the descriptors and would hold a pipe open.
        var info = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("exec \"$@\" >\"$0\" 2>&1");
        info.ArgumentList.Add(workspace.StderrFile(Name));
        info.ArgumentList.Add(Binary);
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(workspace.ConfigFile);
        info.ArgumentList.Add("-n");
        info.ArgumentList.Add(Name);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        return info;
    }

    public RadosGatewayStartException Failure(string what) => new($"{what} ({Name}).{LogTails()}");

    public string LogTails() => LogTail.Quote(workspace.StderrFile(Name)) + LogTail.Quote(LogFile);

    public void Kill()
    {
        if (Pid is { } pid && ProcessTable.IsAlive(pid) && ProcessTable.CommandLine(pid).Contains(workspace.ConfigFile, StringComparison.Ordinal))
        {
            ProcessTable.Kill(pid);
        }
    }

    private async Task<int> ReadPidAsync(CancellationToken ct)
    {
        var pidFile = workspace.PidFile(Name);
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < PidFileTimeout)
        {
            if (File.Exists(pidFile) && int.TryParse(File.ReadAllText(pidFile).Trim(), out var pid))
            {
                return pid;
            }

            await Task.Delay(20, ct);
        }

        throw Failure($"{Binary} wrote no pid file {pidFile} within {PidFileTimeout.TotalSeconds:0} s");
    }
}

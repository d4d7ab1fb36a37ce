using System.Diagnostics;

namespace Stowage.Testing.S3;

/// <summary>One daemon of the cluster (monitor, OSD or gateway), known by its pid file.</summary>
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
            try
            {
                await launcher.WaitForExitAsync(ct);
            }
            catch (OperationCanceledException)
            {
                launcher.Kill();
                throw;
            }

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

        // In the foreground radosgw writes no pid file, and the watchdog finds the daemons by their pid files.
        File.WriteAllText(workspace.PidFile(Name), process.Id.ToString());
    }

    public RadosGatewayStartException Failure(string what) => new($"{what} ({Name}).{LogTails()}");

    public string LogTails() => LogTail.Quote(workspace.StderrFile(Name)) + LogTail.Quote(LogFile);

    /// <summary>Kills the daemon if it runs, also one whose start was cancelled before its pid was read.</summary>
    public void Kill()
    {
        var pid = Pid ?? TryReadPidFile();
        if (pid is { } alive && ProcessTable.IsAlive(alive) &&
            ProcessTable.CommandLine(alive).Contains(workspace.ConfigFile, StringComparison.Ordinal))
        {
            ProcessTable.Kill(alive);
        }
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

    private int? TryReadPidFile()
    {
        try
        {
            return int.TryParse(File.ReadAllText(workspace.PidFile(Name)).Trim(), out var pid) ? pid : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private async Task<int> ReadPidAsync(CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < PidFileTimeout)
        {
            if (TryReadPidFile() is { } pid)
            {
                return pid;
            }

            await Task.Delay(20, ct);
        }

        throw Failure($"{Binary} wrote no pid file {workspace.PidFile(Name)} within {PidFileTimeout.TotalSeconds:0} s");
    }
}

using System.Diagnostics;

namespace Stowage.Testing.S3;

/// <summary>
/// A detached shell that kills the daemons and deletes the folder if the test process dies without running its
/// exit handlers (SIGKILL, a crashed test host, a runner's hang timeout).
/// </summary>
internal sealed class OrphanWatchdog : IDisposable
{
    private const string Script = """
        trap '' INT TERM HUP
        exec </dev/null >/dev/null 2>&1
        owner=$1 root=$2; shift 2
        while kill -0 "$owner" 2>/dev/null; do sleep 1; done
        for name in "$@"; do
          pid=$(cat "$root/run/$name.pid" 2>/dev/null) || continue
          tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF "$root/ceph.conf" && kill -9 "$pid"
          sleep 0.2
        done
        rm -rf "$root"
        """;

    private readonly Process? process;

    private OrphanWatchdog(Process? process)
    {
        this.process = process;
    }

    public static OrphanWatchdog Start(ClusterWorkspace workspace, IEnumerable<string> daemonsInStopOrder)
    {
        // setsid puts the watchdog in its own session, so a signal to the test runner's process group spares it.
        var info = new ProcessStartInfo("setsid") { UseShellExecute = false };
        foreach (var argument in new[] { "/bin/sh", "-c", Script, "stowage-s3-watchdog", Environment.ProcessId.ToString(), workspace.Root }.Concat(daemonsInStopOrder))
        {
            info.ArgumentList.Add(argument);
        }

        try
        {
            return new OrphanWatchdog(Process.Start(info));
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // Without setsid the exit handlers still clean up; only a killed test host would leave daemons behind.
            return new OrphanWatchdog(null);
        }
    }

    public void Dispose()
    {
        if (process is null)
        {
            return;
        }

        try
        {
            process.Kill();
        }
        catch (InvalidOperationException)
        {
        }

        process.Dispose();
    }
}

using System.Diagnostics;

namespace Stowage.Testing.S3;

/// <summary>
/// A detached shell that kills the daemons and deletes the folder if the test process dies without running its
/// exit handlers (SIGKILL, a crashed test host, a runner's hang timeout). It exits by itself once the folder is gone.
/// </summary>
internal static class OrphanWatchdog
{
    private const string Script = """
        trap '' INT TERM HUP
        exec </dev/null >/dev/null 2>&1
        owner=$1 root=$2; shift 2
        # A zombie owner counts as gone: an orphaned test host may wait a while for init to reap it.
        owner_alive() { state=$(sed 's/.*) //' "/proc/$owner/stat" 2>/dev/null | cut -c1); [ -n "$state" ] && [ "$state" != Z ]; }
        while owner_alive; do
          [ -d "$root" ] || exit 0
          sleep 1
        done
        for name in "$@"; do
          pid=$(cat "$root/run/$name.pid" 2>/dev/null) || continue
          tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF "$root/ceph.conf" && kill -9 "$pid"
          sleep 0.2
        done
        rm -rf "$root"
        """;

    public static void Start(ClusterWorkspace workspace, IEnumerable<string> daemonsInStopOrder)
    {
        // A new session, and forked away from us, so neither a signal to the runner's process group nor a kill of
        // our process tree reaches it.
        var info = new ProcessStartInfo("setsid") { UseShellExecute = false };
        string[] arguments = ["--fork", "/bin/sh", "-c", Script, "stowage-s3-watchdog", Environment.ProcessId.ToString(), workspace.Root];
        foreach (var argument in arguments.Concat(daemonsInStopOrder))
        {
            info.ArgumentList.Add(argument);
        }

        try
        {
            using var launcher = Process.Start(info);
            launcher?.WaitForExit();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // Without setsid the exit handlers still clean up; only a killed test host would leave daemons behind.
        }
    }
}

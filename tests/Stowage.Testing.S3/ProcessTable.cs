namespace Stowage.Testing.S3;

/// <summary>Looks at processes by pid through /proc; the daemons are not our children once they have forked.</summary>
internal static class ProcessTable
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(10);

    public static bool IsAlive(int pid)
    {
        try
        {
            // Field 3 of /proc/<pid>/stat is the state; a zombie has exited even if nobody reaped it yet.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var state = stat[(stat.LastIndexOf(')') + 2)..].FirstOrDefault();
            return state is not ('Z' or 'X');
        }
        catch (IOException)
        {
            return false;
        }
    }

    public static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (IOException)
        {
            return string.Empty;
        }
    }

    /// <summary>SIGKILL, then wait until the process is gone so the next daemon in the stop order is killed after it.</summary>
    public static void Kill(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            process.Kill();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return;
        }

        var deadline = DateTime.UtcNow + ExitTimeout;
        while (IsAlive(pid) && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(10);
        }
    }
}

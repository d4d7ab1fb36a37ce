using System.Diagnostics;

namespace Stowage.LocalCluster.Kubelet;

/// <summary>One started container: its process (none for an image the local kubelet only pretends to run), its log, and how it ended.</summary>
internal sealed class ContainerRun(string name, string image, ContainerLog log, Process? process, string terminationMessageFile, DateTimeOffset startedAt)
{
    public string Name { get; } = name;

    public string Image { get; } = image;

    public ContainerLog Log { get; } = log;

    public Process? Process { get; } = process;

    public string TerminationMessageFile { get; } = terminationMessageFile;

    public DateTimeOffset StartedAt { get; } = startedAt;

    public int? ExitCode { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public void Kill()
    {
        try
        {
            if (Process is { HasExited: false })
            {
                Process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        Log.End();
    }

    /// <summary>The termination message: the file the container wrote (at most 4096 bytes), else, for a failure under FallbackToLogsOnError, the log's end.</summary>
    public string? TerminationMessage(bool fallbackToLogs)
    {
        if (File.Exists(TerminationMessageFile))
        {
            var bytes = File.ReadAllBytes(TerminationMessageFile);
            if (bytes.Length > 0)
            {
                return System.Text.Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, 4096));
            }
        }
        return fallbackToLogs && ExitCode is not 0 ? Log.Tail(80, 2048) : null;
    }
}

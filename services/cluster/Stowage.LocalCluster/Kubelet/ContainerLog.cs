using System.Text;

namespace Stowage.LocalCluster.Kubelet;

/// <summary>What a container wrote to stdout and stderr, in one file as the container runtime keeps it; readers can follow it until the container ends.</summary>
internal sealed class ContainerLog(string path)
{
    private readonly Lock gate = new();
    private readonly TaskCompletionSource ended = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Path { get; } = path;

    public Task Ended => ended.Task;

    public void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (gate)
        {
            File.AppendAllText(Path, line + "\n", Encoding.UTF8);
        }
    }

    public void End() => ended.TrySetResult();

    /// <summary>The last lines, at most <paramref name="maxBytes"/> bytes, as the kubelet's FallbackToLogsOnError reads them.</summary>
    public string Tail(int lines, int maxBytes)
    {
        lock (gate)
        {
            var text = File.Exists(Path) ? string.Join("\n", File.ReadAllLines(Path).TakeLast(lines)) : "";
            var bytes = Encoding.UTF8.GetBytes(text);
            return bytes.Length <= maxBytes ? text : Encoding.UTF8.GetString(bytes, bytes.Length - maxBytes, maxBytes);
        }
    }
}

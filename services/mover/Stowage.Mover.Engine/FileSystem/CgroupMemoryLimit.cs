namespace Stowage.Mover.Engine.FileSystem;

/// <summary>The memory limit of this process's cgroup: v2 memory.max, else v1 memory.limit_in_bytes; null when unlimited.</summary>
internal static class CgroupMemoryLimit
{
    // v1 reports "no limit" as a huge number rounded to the page size.
    private const long Unlimited = long.MaxValue / 2;

    public static long? Read(string procSelfCgroup = "/proc/self/cgroup", string root = "/sys/fs/cgroup")
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(procSelfCgroup);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        foreach (var line in lines)
        {
            // "hierarchy-id:controllers:path"; v2 is "0::/path", v1's memory controller "N:memory:/path".
            var parts = line.Split(':', 3);
            if (parts.Length != 3) continue;
            var limit = parts[1] switch
            {
                "" => Limit(Path.Join(root, parts[2], "memory.max"), Path.Join(root, "memory.max")),
                var c when c.Split(',').Contains("memory") => Limit(Path.Join(root, "memory", parts[2], "memory.limit_in_bytes"), Path.Join(root, "memory", "memory.limit_in_bytes")),
                _ => null,
            };
            if (limit is not null) return limit;
        }
        return null;
    }

    // Inside a container the cgroup path of /proc/self/cgroup may not exist under the mounted root: then the root's file is ours.
    private static long? Limit(string path, string fallback)
    {
        var file = File.Exists(path) ? path : File.Exists(fallback) ? fallback : null;
        if (file is null) return null;
        var text = File.ReadAllText(file).Trim();
        return long.TryParse(text, out var bytes) && bytes > 0 && bytes < Unlimited ? bytes : null;
    }
}

namespace Stowage.Mover.Engine;

/// <summary>
/// Pipeline stages do blocking file reads and long CPU work on pool threads. With the default minimum of one
/// thread per core the pool adds threads only slowly, so stages would wait on each other instead of overlapping.
/// </summary>
internal static class ThreadPoolSizing
{
    public static void EnsureWorkers(int needed)
    {
        ThreadPool.GetMinThreads(out var workers, out var completionPorts);
        if (workers < needed) ThreadPool.SetMinThreads(needed, completionPorts);
    }
}

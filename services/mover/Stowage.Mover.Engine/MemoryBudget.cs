using Stowage.Mover.Engine.FileSystem;

namespace Stowage.Mover.Engine;

/// <summary>
/// How much memory a run may use: an explicit budget, else the cgroup limit of the process (what a pod's memory
/// limit becomes), else none. Caches and restore batches are sized from it; what that costs in speed is told by
/// <see cref="Describe"/>. The index (30 to 55 bytes per blob) and the largest directory are not negotiable.
/// </summary>
public sealed record MemoryBudget(long? Bytes, string Source)
{
    private const long MiB = 1024 * 1024;
    // .NET caps its heap at three quarters of a cgroup limit; the rest is code, stacks and native buffers.
    private const long HeapShareNumerator = 3, HeapShareDenominator = 4;
    // A restore's written files and the target file system's metadata live in the page cache, which a cgroup limit
    // charges too. Left a quarter of 256 MiB, a restore of 2 million files onto ext4 thrashed and was OOM-killed
    // (process 150 MiB, clean page cache 100 MiB, a gigabyte refaulted), so a restore plans within half the budget.
    private const long RestoreShareDenominator = 2;
    // The pipeline's managed buffers (a chunk buffer per reader, packs being filled, pack segments being read).
    private const long FixedBytes = 40 * MiB;
    // Windows of 1 MiB, least recently used out. A check of a million files peaked at 172 MiB with 32 MiB of them
    // and at 154 MiB with 16, no slower (a walk reads tree packs nearly in order).
    private const long DefaultTreePackCache = 16 * MiB;
    /// <summary>Entries planned per restore batch, at most.</summary>
    public const int DefaultRestoreBatchFiles = 20_000;
    /// <summary>Memory a restore batch's plan may take without a budget (about 20,000 small files).</summary>
    public const long DefaultRestoreBatchBytes = 16 * MiB;
    // A batch's plan lives long enough to reach the oldest generation, where it stays as garbage until a full
    // collection: the heap holds it about twice, and the next batch's plan grows beside it.
    private const long PlanCopies = 4;
    private const long MinimumRestoreBatchBytes = 2 * MiB;

    /// <summary>No limit.</summary>
    public static MemoryBudget None { get; } = new(null, "none");

    /// <summary>The explicit budget if given, else the process's cgroup limit (v2 memory.max, v1 fallback), else none.</summary>
    public static MemoryBudget Detect(long? explicitBytes = null) =>
        explicitBytes is { } bytes ? new MemoryBudget(bytes, "setting")
        : CgroupMemoryLimit.Read() is { } limit ? new MemoryBudget(limit, "cgroup limit") : None;

    /// <summary>
    /// The cap for the collector's heap: three quarters of the budget (what .NET takes of a cgroup limit), half for a
    /// restore, so the collector works harder instead of crowding out the page cache. Null without a budget.
    /// </summary>
    public long? HeapLimit(bool restore) => restore ? Bytes / RestoreShareDenominator : Bytes * HeapShareNumerator / HeapShareDenominator;

    /// <summary>Bytes of whole tree packs kept for walks.</summary>
    public long TreePackCacheBytes => Bytes is { } b ? Math.Clamp(b / 16, 4 * MiB, DefaultTreePackCache) : DefaultTreePackCache;

    /// <summary>Memory a restore batch's plan may take (see RestorePlan.EstimatedBytes), given what the index already takes.</summary>
    public long RestoreBatchBytes(long indexBytes) =>
        HeapLimit(restore: true) is { } heap ? Math.Clamp((heap - FixedBytes - TreePackCacheBytes - indexBytes) / PlanCopies, MinimumRestoreBatchBytes, DefaultRestoreBatchBytes) : DefaultRestoreBatchBytes;

    /// <summary>One line for the log when there is a budget: the budget and what it traded for it.</summary>
    public string? Describe(long indexBytes, bool restore)
    {
        if (Bytes is not { } b) return null;
        var batch = RestoreBatchBytes(indexBytes);
        var traded = new List<string>();
        if (TreePackCacheBytes < DefaultTreePackCache) traded.Add($"tree pack cache {TreePackCacheBytes / MiB} MiB (of {DefaultTreePackCache / MiB})");
        if (restore && batch < DefaultRestoreBatchBytes) traded.Add($"restores in batches of {batch / MiB} MiB of plan (of {DefaultRestoreBatchBytes / MiB}, about {batch * DefaultRestoreBatchFiles / DefaultRestoreBatchBytes:N0} small files), reading a pack once per batch, and a heap of {HeapLimit(restore: true) / MiB} MiB, to leave half the budget to the page cache");
        var within = $"memory budget {b / MiB} MiB ({Source}); index {indexBytes / MiB} MiB";
        if (indexBytes + FixedBytes > HeapLimit(restore)) return $"{within}: the index alone nearly fills it; the run may exceed it.";
        return traded.Count == 0 ? $"{within}: nothing traded." : $"{within}: traded {string.Join(", ", traded)}.";
    }
}

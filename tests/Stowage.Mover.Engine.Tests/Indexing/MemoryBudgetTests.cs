using Stowage.Mover.Engine.FileSystem;
using Stowage.Mover.Engine.Tests.Support;

namespace Stowage.Mover.Engine.Tests.Indexing;

public sealed class MemoryBudgetTests : IDisposable
{
    private const long MiB = 1024 * 1024;
    private readonly TempDirectory _temp = new("memory-budget");

    [Theory]
    [InlineData("0::/kubepods/pod1/mover\n", "kubepods/pod1/mover/memory.max", "268435456\n", 256 * MiB)]
    [InlineData("0::/kubepods/pod1/mover\n", "kubepods/pod1/mover/memory.max", "max\n", null)]
    [InlineData("5:cpu,cpuacct:/x\n4:memory:/docker/abc\n0::/\n", "memory/docker/abc/memory.limit_in_bytes", "536870912\n", 512 * MiB)]
    [InlineData("4:memory:/docker/abc\n", "memory/docker/abc/memory.limit_in_bytes", "9223372036854771712\n", null)]
    [InlineData("4:memory:/elsewhere\n", "memory/memory.limit_in_bytes", "134217728\n", 128 * MiB)]
    public void The_cgroup_limit_is_v2_memory_max_else_v1_and_no_limit_reads_as_none(string procSelfCgroup, string limitFile, string limit, long? expected)
    {
        var proc = Write("cgroup", procSelfCgroup);
        Write(Path.Combine("root", limitFile), limit);

        Assert.Equal(expected, CgroupMemoryLimit.Read(proc, _temp.Sub("root")));
        Assert.Null(CgroupMemoryLimit.Read(_temp.Sub("no-such-file"), _temp.Sub("root")));
    }

    [Fact]
    public void A_small_budget_shrinks_caches_and_restore_batches_and_says_what_it_traded()
    {
        var budget = MemoryBudget.Detect(256 * MiB);
        var index = 57 * MiB; // a restore's index of 2 million small files

        Assert.Equal(16 * MiB, budget.TreePackCacheBytes);
        Assert.Equal(192 * MiB, budget.HeapLimit(restore: false));
        Assert.Equal(128 * MiB, budget.HeapLimit(restore: true));
        Assert.InRange(budget.RestoreBatchBytes(index), 2 * MiB, MemoryBudget.DefaultRestoreBatchBytes - 1);
        Assert.Contains("restores in batches of", budget.Describe(index, restore: true));
        Assert.Contains("a heap of 128 MiB, to leave half the budget to the page cache", budget.Describe(index, restore: true));
        Assert.DoesNotContain("restores in batches", budget.Describe(index, restore: false));
        Assert.Contains("nearly fills it", budget.Describe(110 * MiB, restore: true));
        Assert.DoesNotContain("nearly fills it", budget.Describe(110 * MiB, restore: false));

        Assert.Equal(MemoryBudget.DefaultRestoreBatchBytes, MemoryBudget.None.RestoreBatchBytes(index));
        Assert.Null(MemoryBudget.None.Describe(index, restore: true));
        Assert.EndsWith("nothing traded.", MemoryBudget.Detect(64L * 1024 * MiB).Describe(index, restore: true));
    }

    private string Write(string relative, string text)
    {
        var path = _temp.Sub(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose() => _temp.Dispose();
}

using Stowage.Mover.Engine.Backup;
using Stowage.Mover.Engine.Restore;
using Stowage.Mover.Engine.Storage;
using Stowage.Mover.Engine.Tests.Support;

namespace Stowage.Mover.Engine.Tests.Restore;

public sealed class RestoreBatchBoundTests : IDisposable
{
    private const long Bound = 16 * 1024;
    // The largest entry here: a file of one blob with a path of about 60 characters, and its blob.
    private const long LargestEntry = 1024;
    private readonly TempDirectory _temp = new("restore-batch-bound");

    [Fact]
    public async Task A_batch_plan_never_exceeds_its_memory_bound_by_more_than_one_entry()
    {
        using var repository = await BackUpAsync();
        var store = repository.Store;
        await store.LoadIndexAsync(CancellationToken.None);
        var (_, snapshot) = await store.FindSnapshotAsync("latest", CancellationToken.None);
        var batches = new List<(long Bytes, int Entries)>();
        using var target = RestoreTarget.Open(Directory.CreateDirectory(_temp.Sub("planned")).FullName);
        var planner = new RestorePlanner(store, target, batchLimit: int.MaxValue, batchBytes: Bound, plan =>
        {
            batches.Add((plan.EstimatedBytes, plan.Count));
            return Task.CompletedTask;
        });

        var (root, _) = await SubPathResolver.ResolveAsync(store, snapshot, null, CancellationToken.None);
        await planner.AddRootAsync(root, CancellationToken.None);
        await planner.FlushAsync();

        Assert.True(batches.Count > 5, $"{batches.Count} batches");
        Assert.All(batches, b => Assert.InRange(b.Bytes, 1, Bound + LargestEntry));
        Assert.All(batches[..^1], b => Assert.True(b.Bytes >= Bound, $"a batch of {b.Bytes} bytes was written before it was full"));
        Assert.Equal(300 + 7 * 3 + 7 + 1, batches.Sum(b => b.Entries)); // files, inner and outer directories, the root
    }

    [Fact]
    public async Task A_restore_in_small_batches_by_memory_is_identical()
    {
        using var repository = await BackUpAsync();
        var target = _temp.Sub("restored");

        var result = await repository.RestoreAsync(new RestoreRequest { SnapshotId = "latest", TargetPath = target, BatchBytes = Bound });

        TreeAssert.Identical(_temp.Sub("source"), target);
        Assert.Equal(300, result.Files);
    }

    private async Task<StowageRepository> BackUpAsync()
    {
        for (var i = 0; i < 300; i++)
        {
            var directory = Directory.CreateDirectory(_temp.Sub(Path.Combine("source", $"directory-{i % 7}", $"inner-{i % 3}"))).FullName;
            File.WriteAllText(Path.Combine(directory, $"a-file-with-a-longer-name-{i:D3}"), SampleTree.Text(new Random(i), 50 + i));
        }
        var repository = await TestRepository.InitAsync(new LocalDirectoryBackend(_temp.Sub("repo")));
        await repository.BackupAsync(new BackupRequest { SourcePath = _temp.Sub("source") });
        return repository;
    }

    public void Dispose() => _temp.Dispose();
}

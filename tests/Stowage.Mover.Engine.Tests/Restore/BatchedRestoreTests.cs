using System.Collections.Concurrent;
using Stowage.Mover.Engine.Backup;
using Stowage.Mover.Engine.Restore;
using Stowage.Mover.Engine.Storage;
using Stowage.Mover.Engine.Tests.Support;

namespace Stowage.Mover.Engine.Tests.Restore;

public sealed class BatchedRestoreTests : IDisposable
{
    private readonly TempDirectory _temp = new("batched-restore");

    [Fact]
    public async Task A_restore_in_batches_of_five_entries_is_identical_and_reads_each_pack_at_most_once_per_batch()
    {
        var source = Path.Combine(_temp.Path, "source");
        SampleTree.Create(source);
        for (var i = 0; i < 60; i++)
        {
            var directory = Directory.CreateDirectory(Path.Combine(source, "many", $"d{i % 6}", $"e{i % 2}")).FullName;
            File.WriteAllText(Path.Combine(directory, $"f{i:D2}"), SampleTree.Text(new Random(i), 100 + i * 37));
        }
        var backend = new CountingBackend(new LocalDirectoryBackend(Path.Combine(_temp.Path, "repo")));
        using var repository = await TestRepository.InitAsync(backend);
        await repository.BackupAsync(new BackupRequest { SourcePath = source, Hostname = "test" });
        // Symlinks (to files, or to directories the enumeration would follow) are not files.
        var expectedFiles = Directory.EnumerateFiles(source, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint }).Count();

        backend.Opened.Clear();
        var whole = await repository.RestoreAsync(new RestoreRequest { SnapshotId = "latest", TargetPath = Path.Combine(_temp.Path, "whole") });
        Assert.All(backend.Opened.Values, count => Assert.Equal(1, count));

        backend.Opened.Clear();
        var target = Path.Combine(_temp.Path, "batched");
        var batched = await repository.RestoreAsync(new RestoreRequest { SnapshotId = "latest", TargetPath = target, BatchFiles = 5 });

        TreeAssert.Identical(source, target);
        Assert.Equal(expectedFiles, batched.Files);
        Assert.Equal((whole.Files, whole.Directories, whole.Bytes), (batched.Files, batched.Directories, batched.Bytes));
        // Symlinks, hard links and files of many blobs also end batches, so the bound is the batches written.
        Assert.True(batched.Batches >= (expectedFiles + whole.Directories) / 5, $"{batched.Batches} batches");
        Assert.All(backend.Opened.Values, count => Assert.InRange(count, 1, batched.Batches));
        Assert.True(backend.Opened.Values.Sum() > backend.Opened.Count, "some pack served more than one batch");
    }

    public void Dispose() => _temp.Dispose();

    /// <summary>Counts ranged reads of data packs.</summary>
    private sealed class CountingBackend(IRepositoryBackend inner) : DelegatingBackend(inner)
    {
        public ConcurrentDictionary<string, int> Opened { get; } = new();

        public override Task<Stream> OpenRangeAsync(string key, long offset, long length, CancellationToken cancellationToken)
        {
            Opened.AddOrUpdate(key, 1, (_, count) => count + 1);
            return base.OpenRangeAsync(key, offset, length, cancellationToken);
        }
    }
}

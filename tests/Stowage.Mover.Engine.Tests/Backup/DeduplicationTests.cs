using Stowage.Mover.Engine.Backup;
using Stowage.Mover.Engine.Chunking;
using Stowage.Mover.Engine.Restore;
using Stowage.Mover.Engine.Storage;
using Stowage.Mover.Engine.Tests.Support;

namespace Stowage.Mover.Engine.Tests.Backup;

public sealed class DeduplicationTests
{
    [Fact]
    public async Task Backing_up_the_same_tree_twice_adds_almost_nothing()
    {
        using var temp = new TempDirectory("dedup");
        SampleTree.Create(temp.Sub("source"));
        using var repository = await TestRepository.InitAsync(new LocalDirectoryBackend(temp.Sub("repo")));

        var first = await repository.BackupAsync(new BackupRequest { SourcePath = temp.Sub("source") });
        var second = await repository.BackupAsync(new BackupRequest { SourcePath = temp.Sub("source") });
        var unrelatedParent = await repository.BackupAsync(new BackupRequest { SourcePath = temp.Sub("source"), ForceFullRead = true });

        Assert.Equal(first.Snapshot.Id, second.Snapshot.ParentId);
        Assert.Equal(second.Snapshot.Summary.Files, second.Snapshot.Summary.FilesUnchanged);
        Assert.Equal(0, second.Snapshot.Summary.BlobsNew);
        Assert.Equal(0, unrelatedParent.Snapshot.Summary.BlobsNew);
        Assert.True(second.Snapshot.Summary.BytesUploaded < 1024, $"uploaded {second.Snapshot.Summary.BytesUploaded}");
    }

    [Fact]
    public async Task One_byte_change_in_the_middle_of_a_large_file_uploads_only_a_few_chunks()
    {
        using var temp = new TempDirectory("onebyte");
        SampleTree.Create(temp.Sub("source"));
        // Every repository's chunker seed is random, so chunk sizes are too; a 1 MiB maximum makes the 3 MiB bound
        // below hold for any seed (two chunks around the change), where the default 4 MiB maximum held only usually.
        var chunker = new ChunkerParameters(256 * 1024, 512 * 1024, 1024 * 1024);
        using var repository = await TestRepository.InitAsync(new LocalDirectoryBackend(temp.Sub("repo")), TestRepository.Options with { Chunker = chunker });
        await repository.BackupAsync(new BackupRequest { SourcePath = temp.Sub("source") });

        var large = Path.Combine(temp.Sub("source"), "large.bin");
        using (var stream = new FileStream(large, FileMode.Open))
        {
            stream.Position = SampleTree.LargeFileSize / 2;
            var original = stream.ReadByte();
            stream.Position = SampleTree.LargeFileSize / 2;
            stream.WriteByte((byte)(original ^ 0xFF));
        }
        var changed = await repository.BackupAsync(new BackupRequest { SourcePath = temp.Sub("source") });

        // One or two data chunks around the change, plus the root tree.
        Assert.InRange(changed.Snapshot.Summary.BlobsNew, 2, 3);
        Assert.True(changed.Snapshot.Summary.BytesUploaded < 3 * 1024 * 1024, $"uploaded {changed.Snapshot.Summary.BytesUploaded}");
        await repository.RestoreAsync(new RestoreRequest { SnapshotId = changed.Snapshot.Id, TargetPath = temp.Sub("restored") });
        TreeAssert.Identical(temp.Sub("source"), temp.Sub("restored"));
    }
}

using Stowage.Mover.Engine.Backup;
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
        using var repository = await TestRepository.InitAsync(new LocalDirectoryBackend(temp.Sub("repo")));
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

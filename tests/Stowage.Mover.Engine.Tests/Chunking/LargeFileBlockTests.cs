using Stowage.Mover.Engine.Backup;
using Stowage.Mover.Engine.Maintenance;
using Stowage.Mover.Engine.Restore;
using Stowage.Mover.Engine.Snapshots;
using Stowage.Mover.Engine.Storage;
using Stowage.Mover.Engine.Tests.Support;

namespace Stowage.Mover.Engine.Tests.Chunking;

public sealed class LargeFileBlockTests
{
    [Theory]
    [InlineData(2)]
    [InlineData(24)]
    public async Task A_one_page_change_to_a_large_file_adds_a_bounded_number_of_bytes_whatever_its_size(int mib)
    {
        using var temp = new TempDirectory("block-page");
        var source = temp.Sub("source");
        Directory.CreateDirectory(source);
        var random = new Random(mib);
        var file = Path.Combine(source, "table");
        File.WriteAllBytes(file, SampleTree.Bytes(random, mib * 1024 * 1024));
        var repo = temp.Sub("repo");
        using var repository = await TestRepository.InitAsync(new LocalDirectoryBackend(repo), BlockRepositories.Options);
        await repository.BackupAsync(new BackupRequest { SourcePath = source });
        var before = BlockRepositories.Size(repo);

        // A 2 KiB page in the middle of a block, so exactly one block changes.
        BlockRepositories.RewritePage(file, mib * 1024L * 1024 / 2 + 1024, 2048, random);
        var changed = await repository.BackupAsync(new BackupRequest { SourcePath = source });

        // One block, one content list (at most Fanout ids), the tree, an index file and the snapshot: the same for
        // a 2 MiB and a 24 MiB file, where 1 MiB content-defined chunks would grow with the chunk around the change.
        var grown = BlockRepositories.Size(repo) - before;
        Assert.Equal(3, changed.Snapshot.Summary.BlobsNew);
        Assert.InRange(grown, 1, BlockRepositories.BlockSize + ContentList.Fanout * BlobId.Size + 16 * 1024);
        await repository.RestoreAsync(new RestoreRequest { SnapshotId = changed.Snapshot.Id, TargetPath = temp.Sub("restored") });
        TreeAssert.Identical(source, temp.Sub("restored"));
    }

    [Fact]
    public async Task Identical_large_files_share_their_blocks_within_a_snapshot_and_across_snapshots()
    {
        using var temp = new TempDirectory("block-dedup");
        var source = temp.Sub("source");
        Directory.CreateDirectory(source);
        var content = SampleTree.Bytes(new Random(3), 1024 * 1024 + 100);
        File.WriteAllBytes(Path.Combine(source, "a"), content);
        File.WriteAllBytes(Path.Combine(source, "b"), content);
        using var repository = await TestRepository.InitAsync(new LocalDirectoryBackend(temp.Sub("repo")), BlockRepositories.Options);

        var first = await repository.BackupAsync(new BackupRequest { SourcePath = source });
        File.WriteAllBytes(Path.Combine(source, "c"), content);
        var second = await repository.BackupAsync(new BackupRequest { SourcePath = source });

        var blocks = (content.Length + BlockRepositories.BlockSize - 1) / BlockRepositories.BlockSize;
        // The blocks and the content list once, and the root tree; b and then c add nothing but the new root tree.
        Assert.Equal(blocks + 2, first.Snapshot.Summary.BlobsNew);
        Assert.Equal(1, second.Snapshot.Summary.BlobsNew);
        await repository.RestoreAsync(new RestoreRequest { SnapshotId = second.Snapshot.Id, TargetPath = temp.Sub("restored") });
        TreeAssert.Identical(source, temp.Sub("restored"));
    }

    [Theory]
    [InlineData(BlockRepositories.Threshold - 1, false)]
    [InlineData(BlockRepositories.Threshold, true)]
    [InlineData(BlockRepositories.Threshold + 1, true)]
    // Exactly one full content list, then one list and one block more.
    [InlineData(Snapshots.ContentList.Fanout * BlockRepositories.BlockSize, true)]
    [InlineData(Snapshots.ContentList.Fanout * BlockRepositories.BlockSize + 1, true)]
    public async Task Files_at_or_above_the_threshold_are_cut_into_aligned_blocks_and_restore_byte_for_byte(long size, bool inBlocks)
    {
        using var temp = new TempDirectory("block-bounds");
        var source = temp.Sub("source");
        Directory.CreateDirectory(source);
        File.WriteAllBytes(Path.Combine(source, "file"), SampleTree.Bytes(new Random((int)size), (int)size));
        using var repository = await TestRepository.InitAsync(new LocalDirectoryBackend(temp.Sub("repo")), BlockRepositories.Options);

        var result = await repository.BackupAsync(new BackupRequest { SourcePath = source });

        var blocks = (size + BlockRepositories.BlockSize - 1) / BlockRepositories.BlockSize;
        var lists = (blocks + ContentList.Fanout - 1) / ContentList.Fanout;
        if (inBlocks) Assert.Equal(blocks + lists + 1, result.Snapshot.Summary.BlobsNew);
        else Assert.InRange(result.Snapshot.Summary.BlobsNew, 2, 1 + size / TestRepository.Options.Chunker.Min + 1);
        await repository.RestoreAsync(new RestoreRequest { SnapshotId = result.Snapshot.Id, TargetPath = temp.Sub("restored") });
        TreeAssert.Identical(source, temp.Sub("restored"));
        Assert.True((await repository.CheckAsync(new CheckOptions(ReadData: true))).IsHealthy);
    }

    [Fact]
    public async Task Empty_and_short_files_beside_large_ones_round_trip()
    {
        using var temp = new TempDirectory("block-short");
        var source = temp.Sub("source");
        Directory.CreateDirectory(source);
        File.WriteAllBytes(Path.Combine(source, "empty"), []);
        File.WriteAllBytes(Path.Combine(source, "one-byte"), [7]);
        File.WriteAllBytes(Path.Combine(source, "one-block"), SampleTree.Bytes(new Random(1), BlockRepositories.BlockSize));
        File.WriteAllBytes(Path.Combine(source, "large"), SampleTree.Bytes(new Random(2), (int)BlockRepositories.Threshold * 3 + 5));
        using var repository = await TestRepository.InitAsync(new LocalDirectoryBackend(temp.Sub("repo")), BlockRepositories.Options);

        var result = await repository.BackupAsync(new BackupRequest { SourcePath = source });
        var unchanged = await repository.BackupAsync(new BackupRequest { SourcePath = source });

        Assert.Equal(4, unchanged.Snapshot.Summary.FilesUnchanged);
        await repository.RestoreAsync(new RestoreRequest { SnapshotId = result.Snapshot.Id, TargetPath = temp.Sub("restored") });
        TreeAssert.Identical(source, temp.Sub("restored"));
    }

    [Fact]
    public async Task Prune_keeps_the_blocks_that_content_lists_still_reference()
    {
        using var temp = new TempDirectory("block-prune");
        var source = temp.Sub("source");
        Directory.CreateDirectory(source);
        var random = new Random(9);
        var file = Path.Combine(source, "table");
        File.WriteAllBytes(file, SampleTree.Bytes(random, 2 * 1024 * 1024));
        using var repository = await TestRepository.InitAsync(new LocalDirectoryBackend(temp.Sub("repo")), BlockRepositories.Options);
        await repository.BackupAsync(new BackupRequest { SourcePath = source });
        // 200 of the 512 blocks, so the pack is rewritten (prune leaves packs less than a quarter unused alone).
        for (var page = 0; page < 200; page++) BlockRepositories.RewritePage(file, page * 8 * 1024L, 4096, random);
        await repository.BackupAsync(new BackupRequest { SourcePath = source });

        await repository.ForgetAsync(new ForgetRequest { Policy = new RetentionPolicy { KeepLast = 1 } });
        var prune = await repository.PruneAsync(new PruneOptions { UnindexedGrace = TimeSpan.Zero });

        Assert.True(prune.BlobsRemoved >= 200, $"removed {prune.BlobsRemoved}");
        Assert.True((await repository.CheckAsync(new CheckOptions(ReadData: true))).IsHealthy);
        await repository.RestoreAsync(new RestoreRequest { SnapshotId = "latest", TargetPath = temp.Sub("restored") });
        TreeAssert.Identical(source, temp.Sub("restored"));
    }
}

using Stowage.Mover.Engine.Backup;
using Stowage.Mover.Engine.Maintenance;
using Stowage.Mover.Engine.Restore;
using Stowage.Mover.Engine.Snapshots;
using Stowage.Mover.Engine.Storage;
using Stowage.Mover.Engine.Tests.Support;

namespace Stowage.Mover.Engine.Tests.Backup;

public sealed class ChangedBlockTests : IDisposable
{
    private const int Block = BlockRepositories.BlockSize;
    // Two content lists, the second one short, and a short last block.
    private const int Size = ContentList.Fanout * Block + 3 * Block + 100;
    private readonly TempDirectory _temp = new("cbt");
    private readonly string _source;
    private readonly string _image;
    private readonly Random _random = new(18);

    public ChangedBlockTests()
    {
        _source = _temp.Sub("source");
        Directory.CreateDirectory(_source);
        _image = Path.Combine(_source, "volume.img");
        File.WriteAllBytes(_image, SampleTree.Bytes(_random, Size));
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_one_page_change_reads_only_its_block_and_makes_the_node_a_full_read_makes()
    {
        using var repository = await InitAsync();
        var parent = await repository.BackupAsync(new BackupRequest { SourcePath = _source });
        var page = 1000L * Block + 512;
        BlockRepositories.RewritePage(_image, page, 1024, _random);

        var delta = await repository.BackupAsync(Request(parent, [new(page, 1024)]));

        Assert.Equal(Block, delta.BytesRead);
        Assert.Empty(delta.Warnings);
        // The block, its content list, the root tree.
        Assert.Equal(3, delta.Snapshot.Summary.BlobsNew);
        await AssertSameAsFullReadAsync(repository, delta);
    }

    [Fact]
    public async Task Ranges_off_our_block_boundaries_are_widened_to_the_blocks_they_touch()
    {
        using var repository = await InitAsync();
        var parent = await repository.BackupAsync(new BackupRequest { SourcePath = _source });
        // 6 bytes across the boundary of blocks 10 and 11, and a driver's 512-byte sector inside block 4095.
        BlockRepositories.RewritePage(_image, 11L * Block - 3, 6, _random);
        BlockRepositories.RewritePage(_image, 4095L * Block + 1024, 512, _random);

        var delta = await repository.BackupAsync(Request(parent, [new(11L * Block - 3, 6), new(4095L * Block + 1024, 512)]));

        Assert.Equal(3 * Block, delta.BytesRead);
        await AssertSameAsFullReadAsync(repository, delta);
    }

    [Fact]
    public async Task Named_blocks_that_did_not_change_or_are_zeros_are_read_and_deduplicated()
    {
        File.WriteAllBytes(_image, new byte[Size]);
        using var repository = await InitAsync();
        var parent = await repository.BackupAsync(new BackupRequest { SourcePath = _source });

        // The driver names 40 blocks; none changed (zeros written over zeros, as after a discard).
        File.SetLastWriteTimeUtc(_image, DateTime.UtcNow.AddMinutes(1));
        var delta = await repository.BackupAsync(Request(parent, [new(100L * Block, 40L * Block)]));

        Assert.Equal(40L * Block, delta.BytesRead);
        Assert.Equal(1, delta.Snapshot.Summary.BlobsNew);
        await AssertSameAsFullReadAsync(repository, delta);
    }

    [Fact]
    public async Task A_grown_file_reads_the_parents_short_last_block_and_everything_after_it()
    {
        using var repository = await InitAsync();
        var parent = await repository.BackupAsync(new BackupRequest { SourcePath = _source });
        using (var stream = new FileStream(_image, FileMode.Append)) stream.Write(SampleTree.Bytes(_random, 2 * Block));

        var delta = await repository.BackupAsync(Request(parent, []));

        // The old last block (100 bytes then, a whole block now), then 100 bytes more.
        Assert.Equal(2 * Block + 100, delta.BytesRead);
        await AssertSameAsFullReadAsync(repository, delta);
    }

    [Fact]
    public async Task A_stream_that_fails_midway_reads_the_rest_in_full_and_says_so()
    {
        using var repository = await InitAsync();
        var parent = await repository.BackupAsync(new BackupRequest { SourcePath = _source });
        BlockRepositories.RewritePage(_image, 5L * Block, 100, _random);
        BlockRepositories.RewritePage(_image, 3000L * Block, 100, _random);

        var delta = await repository.BackupAsync(Request(parent, [new(5L * Block, 100)], failAfter: true));

        // Block 5, then everything from block 6 on: the failure shows when the reader asks past block 5.
        Assert.Equal(Block + (Size - 6L * Block), delta.BytesRead);
        Assert.Contains(delta.Warnings, w => w.Contains("stream failed at byte") && w.Contains("read in full"));
        await AssertSameAsFullReadAsync(repository, delta);
    }

    [Fact]
    public async Task A_delta_against_the_wrong_base_is_caught_by_the_sample_and_the_file_is_read_in_full()
    {
        using var repository = await InitAsync();
        var parent = await repository.BackupAsync(new BackupRequest { SourcePath = _source });
        // Every other block of the second half changed, and the driver says nothing did (as a delta against the wrong
        // base would); the first half's windows are done before the sample finds out.
        for (var block = Size / Block / 2L; block < Size / Block; block += 2) BlockRepositories.RewritePage(_image, block * Block, 64, _random);

        BackupProgress? last = null;
        var delta = await repository.BackupAsync(Request(parent, [], verifySample: 64), new SyncProgress(p => last = p));

        Assert.Contains(delta.Warnings, w => w.Contains("changed although the changed ranges do not name it"));
        // The refuted pass's reads count, its progress does not: the file is done once, by the full read.
        Assert.True(delta.BytesRead > Size, $"read {delta.BytesRead}");
        Assert.Equal(Size, last!.BytesDone);
        await AssertSameAsFullReadAsync(repository, delta);
    }

    [Fact]
    public async Task A_lie_the_sample_misses_is_trusted_and_check_read_data_cannot_see_it()
    {
        using var repository = await InitAsync();
        var parent = await repository.BackupAsync(new BackupRequest { SourcePath = _source });
        BlockRepositories.RewritePage(_image, 7L * Block, 64, _random);

        var delta = await repository.BackupAsync(Request(parent, [], verifySample: 0));

        // What changed-block tracking trusts the driver with (docs/changed-blocks.md): the backup holds the parent's block.
        Assert.Equal(0, delta.BytesRead);
        Assert.True((await repository.CheckAsync(new CheckOptions(ReadData: true))).IsHealthy);
        await repository.RestoreAsync(new RestoreRequest { SnapshotId = delta.Snapshot.Id, TargetPath = _temp.Sub("restored") });
        var restored = await File.ReadAllBytesAsync(Path.Combine(_temp.Sub("restored"), "volume.img"));
        Assert.NotEqual(await File.ReadAllBytesAsync(_image), restored);
    }

    [Fact]
    public async Task A_base_the_repository_does_not_hold_reads_in_full_and_says_so()
    {
        using var repository = await InitAsync();
        await repository.BackupAsync(new BackupRequest { SourcePath = _source });
        var missing = new string('a', 64);
        BlockRepositories.RewritePage(_image, 7L * Block, 64, _random);

        var delta = await repository.BackupAsync(new BackupRequest
        {
            SourcePath = _source,
            ChangedBlocks = new ChangedBlocks { Path = "volume.img", BaseSnapshotId = missing, Ranges = RangesAsync([], false) },
        });

        Assert.Equal(Size, delta.BytesRead);
        Assert.Contains(delta.Warnings, w => w.Contains($"base snapshot '{missing}' is not in the repository"));
    }

    [Fact]
    public async Task Allocated_ranges_read_only_the_blocks_that_hold_data_and_name_the_rest_as_zeros()
    {
        File.WriteAllBytes(_image, new byte[Size]);
        ByteRange[] data = [new(3L * Block + 10, 100), new(700L * Block, 10L * Block), new(4097L * Block, 1)];
        foreach (var range in data) BlockRepositories.RewritePage(_image, range.Offset, (int)range.Length, _random);
        using var repository = await InitAsync();

        var first = await repository.BackupAsync(new BackupRequest
        {
            SourcePath = _source,
            ChangedBlocks = new ChangedBlocks { Path = "volume.img", Ranges = RangesAsync(data, false), VerifySample = 0 },
        });

        // 12 blocks with data, and the short last block, which is not a block of zeros' length.
        Assert.Equal(12L * Block + 100, first.BytesRead);
        Assert.Empty(first.Warnings);
        await AssertSameAsFullReadAsync(repository, first);
    }

    [Fact]
    public async Task An_allocation_that_leaves_out_data_is_caught_by_the_sample()
    {
        using var repository = await InitAsync();

        var first = await repository.BackupAsync(new BackupRequest
        {
            SourcePath = _source,
            ChangedBlocks = new ChangedBlocks { Path = "volume.img", Ranges = RangesAsync([], false), VerifySample = 16 },
        });

        Assert.Contains(first.Warnings, w => w.Contains("changed although the changed ranges do not name it"));
        await AssertSameAsFullReadAsync(repository, first);
    }

    private Task<StowageRepository> InitAsync() =>
        TestRepository.InitAsync(new LocalDirectoryBackend(_temp.Sub("repo")), BlockRepositories.Options);

    private static BackupRequest Request(BackupResult parent, ByteRange[] ranges, bool failAfter = false, int verifySample = 0) => new()
    {
        SourcePath = Path.GetDirectoryName(parent.Snapshot.Path + "/")!,
        ChangedBlocks = new ChangedBlocks
        {
            Path = "volume.img", BaseSnapshotId = parent.Snapshot.Id, Ranges = RangesAsync(ranges, failAfter), VerifySample = verifySample,
        },
    };

    /// <summary>The ranges as a driver's stream hands them over, failing at its end if failAfter.</summary>
    internal static async IAsyncEnumerable<ByteRange> RangesAsync(ByteRange[] ranges, bool failAfter)
    {
        foreach (var range in ranges)
        {
            await Task.Yield();
            yield return range;
        }
        if (failAfter) throw new IOException("connection reset by the snapshot metadata service");
    }

    /// <summary>Same tree as a full read of the same source (so the same node and block ids), and a byte-identical restore.</summary>
    private async Task AssertSameAsFullReadAsync(StowageRepository repository, BackupResult delta)
    {
        var full = await repository.BackupAsync(new BackupRequest { SourcePath = _source, ForceFullRead = true });
        Assert.Equal(new FileInfo(_image).Length, full.BytesRead);
        Assert.Equal(await TreeOfAsync(repository, full), await TreeOfAsync(repository, delta));
        var target = _temp.Sub("restored-" + delta.Snapshot.ShortId);
        await repository.RestoreAsync(new RestoreRequest { SnapshotId = delta.Snapshot.Id, TargetPath = target });
        TreeAssert.Identical(_source, target);
    }

    private static async Task<string> TreeOfAsync(StowageRepository repository, BackupResult result) =>
        (await repository.Store.FindSnapshotAsync(result.Snapshot.Id, CancellationToken.None)).Snapshot.Tree;
}

using System.Diagnostics;
using Stowage.Mover.Engine.Backup;
using Stowage.Mover.Engine.Restore;
using Stowage.Mover.Engine.Storage;
using Stowage.Mover.Engine.Tests.Support;

namespace Stowage.Mover.Engine.Tests.Backup;

/// <summary>
/// A block-mode volume as the mover's pod sees it: a device node in the source, a different device for each snapshot
/// clone. Here loop devices over image files stand in; they need root, which this machine's test runs have.
/// </summary>
public sealed class BlockDeviceTests : IDisposable
{
    private const int Block = BlockRepositories.BlockSize;
    private const int Size = 4 * 1024 * 1024;
    private readonly TempDirectory _temp = new("cbt-device");
    private readonly List<string> _loops = [];

    public void Dispose()
    {
        foreach (var loop in _loops) Run("losetup", "-d", loop);
        _temp.Dispose();
    }

    [Fact]
    public async Task The_block_device_changed_block_tracking_names_is_backed_up_as_its_content_and_restores_as_a_file()
    {
        Assert.True(Environment.UserName == "root", "loop devices need root");
        var source = _temp.Sub("source");
        Directory.CreateDirectory(source);
        var random = new Random(5);
        var first = _temp.Sub("snap-1.img");
        File.WriteAllBytes(first, SampleTree.Bytes(random, Size));
        var second = _temp.Sub("snap-2.img");
        File.Copy(first, second);
        BlockRepositories.RewritePage(second, 100L * Block + 8, 16, random);
        BlockRepositories.RewritePage(second, 900L * Block, 2 * Block, random);
        using var repository = await TestRepository.InitAsync(new LocalDirectoryBackend(_temp.Sub("repo")), BlockRepositories.Options);

        Attach(first, Path.Combine(source, "volume"));
        var full = await repository.BackupAsync(new BackupRequest
        {
            SourcePath = source,
            ChangedBlocks = new ChangedBlocks { Path = "volume", Ranges = ChangedBlockTests.RangesAsync([new(0, Size)], false) },
        });
        Attach(second, Path.Combine(source, "volume"));
        var delta = await repository.BackupAsync(new BackupRequest
        {
            SourcePath = source,
            ChangedBlocks = new ChangedBlocks
            {
                Path = "volume", BaseSnapshotId = full.Snapshot.Id, VerifySample = 0,
                Ranges = ChangedBlockTests.RangesAsync([new(100L * Block + 8, 16), new(900L * Block, 2 * Block)], false),
            },
        });

        Assert.Empty(full.Warnings);
        Assert.Equal(Size, full.BytesRead);
        Assert.Empty(delta.Warnings);
        Assert.Equal(3 * Block, delta.BytesRead);
        await repository.RestoreAsync(new RestoreRequest { SnapshotId = delta.Snapshot.Id, TargetPath = _temp.Sub("restored") });
        Assert.True(File.ReadAllBytes(second).SequenceEqual(File.ReadAllBytes(_temp.Sub("restored/volume"))), "the restored volume differs");
    }

    [Fact]
    public async Task A_block_device_nothing_names_is_still_skipped()
    {
        Assert.True(Environment.UserName == "root", "loop devices need root");
        var source = _temp.Sub("source");
        Directory.CreateDirectory(source);
        File.WriteAllBytes(_temp.Sub("disk.img"), new byte[Size]);
        Attach(_temp.Sub("disk.img"), Path.Combine(source, "volume"));
        using var repository = await TestRepository.InitAsync(new LocalDirectoryBackend(_temp.Sub("repo")), BlockRepositories.Options);

        var result = await repository.BackupAsync(new BackupRequest { SourcePath = source });

        Assert.Contains(result.Warnings, w => w.Contains("is a device, socket or pipe; skipped"));
        Assert.Equal(0, result.BytesRead);
    }

    /// <summary>A read-only loop device over the image, and a device node for it at node (replacing the last one).</summary>
    private void Attach(string image, string node)
    {
        var loop = Run("losetup", "--find", "--show", "--read-only", image).Trim();
        _loops.Add(loop);
        var numbers = Run("stat", "-c", "%t %T", loop).Trim().Split(' ');
        File.Delete(node);
        Run("mknod", node, "b", Convert.ToInt32(numbers[0], 16).ToString(), Convert.ToInt32(numbers[1], 16).ToString());
    }

    private static string Run(string command, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(command, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{command} {string.Join(' ', arguments)}: {error}");
        return output;
    }
}

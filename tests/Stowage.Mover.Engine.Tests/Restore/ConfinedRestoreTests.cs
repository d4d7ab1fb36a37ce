using Stowage.Mover.Engine.Backup;
using Stowage.Mover.Engine.FileSystem;
using Stowage.Mover.Engine.Restore;
using Stowage.Mover.Engine.Storage;
using Stowage.Mover.Engine.Tests.Support;

namespace Stowage.Mover.Engine.Tests.Restore;

/// <summary>A restore writes inside its target and nowhere else, with openat2 and with the component walk older kernels get.</summary>
public sealed class ConfinedRestoreTests : IDisposable
{
    private readonly TempDirectory _temp = new("confined-restore");

    public static TheoryData<bool> Resolutions => new() { false, true };

    [Theory, MemberData(nameof(Resolutions))]
    public async Task Links_already_in_the_target_are_replaced_and_never_written_through(bool withoutOpenat2)
    {
        var source = _temp.Sub("source");
        Directory.CreateDirectory(Path.Combine(source, "a"));
        Directory.CreateDirectory(Path.Combine(source, "d", "a"));
        File.WriteAllText(Path.Combine(source, "a", "pwned"), "written into a");
        File.WriteAllText(Path.Combine(source, "b"), "a file where a link to a folder was");
        File.WriteAllBytes(Path.Combine(source, "secret"), SampleTree.Bytes(new Random(3), 5 * 1024 * 1024));
        File.WriteAllText(Path.Combine(source, "hard"), "not the host's secret");
        File.WriteAllText(Path.Combine(source, "d", "a", "pwned"), "deeper");
        using var repository = await TestRepository.InitAsync(new LocalDirectoryBackend(_temp.Sub("repo")));
        await repository.BackupAsync(new BackupRequest { SourcePath = source, Hostname = "test" });
        var world = new BaitedTarget(_temp.Sub("world"));

        await repository.RestoreAsync(new RestoreRequest { SnapshotId = "latest", TargetPath = world.Target, WithoutOpenat2 = withoutOpenat2 });

        world.AssertOutsideUntouched();
        TreeAssert.Identical(source, world.Target);
    }

    [Theory, MemberData(nameof(Resolutions))]
    public async Task A_symlink_followed_by_a_directory_of_the_same_name_is_refused(bool withoutOpenat2)
    {
        var world = new BaitedTarget(_temp.Sub("world"));
        var refusal = await RestoreHostileAsync(world, withoutOpenat2,
            HostileEntry.Symlink("x", world.OutsidePath),
            HostileEntry.Directory("x", HostileEntry.File("pwned", "owned"u8.ToArray())));

        Assert.Equal("x", refusal.Entry);
        Assert.Contains("already holds", refusal.Message);
        Assert.False(File.Exists(Path.Combine(world.OutsidePath, "pwned")));
        world.AssertOutsideUntouched();
    }

    [Theory]
    [InlineData("", "dir/<empty>")]
    [InlineData(".", "dir/.")]
    [InlineData("..", "dir/..")]
    [InlineData("../outside", "dir/../outside")]
    [InlineData("x/y", "dir/x/y")]
    [InlineData("x\0y", "dir/x\\0y")]
    public async Task Unsafe_names_are_refused_naming_the_entry(string name, string shown)
    {
        var world = new BaitedTarget(_temp.Sub("world"));
        var refusal = await RestoreHostileAsync(world, false, HostileEntry.Directory("dir", HostileEntry.File(name, "x"u8.ToArray())));

        Assert.Equal(shown, refusal.Entry);
        Assert.Contains($"'{shown}'", refusal.Message);
        world.AssertOutsideUntouched();
    }

    [Fact]
    public async Task Names_out_of_order_are_refused()
    {
        var world = new BaitedTarget(_temp.Sub("world"));
        var refusal = await RestoreHostileAsync(world, false, HostileEntry.File("m", [1]), HostileEntry.File("c", [2]));

        Assert.Equal("c", refusal.Entry);
        Assert.Contains("out of order", refusal.Message);
    }

    [Fact]
    public async Task A_directory_with_entries_where_the_snapshot_has_a_file_is_refused_and_kept()
    {
        var world = new BaitedTarget(_temp.Sub("world"));
        var refusal = await RestoreHostileAsync(world, false, HostileEntry.File("d", "file"u8.ToArray()));

        Assert.Equal("d", refusal.Entry);
        Assert.True(File.Exists(Path.Combine(world.Target, "d", "a")) || Directory.Exists(Path.Combine(world.Target, "d", "a")));
    }

    [Theory, MemberData(nameof(Resolutions))]
    public async Task Symlinks_are_restored_as_links_and_metadata_never_goes_through_them(bool withoutOpenat2)
    {
        var world = new BaitedTarget(_temp.Sub("world"));
        using var repository = await TestRepository.InitAsync(new LocalDirectoryBackend(_temp.Sub("repo")));
        var snapshot = await HostileSnapshot.WriteAsync(repository, [
            HostileEntry.Symlink("etc", world.OutsidePath) with { Uid = 4321, Gid = 4321 },
            HostileEntry.Symlink("up", "../../..") with { Mode = 0x1FF },
            HostileEntry.Symlink("z-secret", Path.Combine(world.OutsidePath, "secret.txt")) with { Mode = 0xFFF, Uid = 0 },
        ], _temp.Sub("scratch"));

        await repository.RestoreAsync(new RestoreRequest { SnapshotId = snapshot, TargetPath = world.Target, WithoutOpenat2 = withoutOpenat2 });

        Assert.Equal(world.OutsidePath, new FileInfo(Path.Combine(world.Target, "etc")).LinkTarget);
        Assert.Equal("../../..", new FileInfo(Path.Combine(world.Target, "up")).LinkTarget);
        if (UnixFileMetadata.IsRoot) Assert.Equal(4321u, UnixFileStatus.Get(Path.Combine(world.Target, "etc")).Uid);
        world.AssertOutsideUntouched();
    }

    [Fact]
    public async Task Setuid_bits_are_dropped_by_default_and_kept_on_request()
    {
        using var repository = await TestRepository.InitAsync(new LocalDirectoryBackend(_temp.Sub("repo")));
        const uint setuidProgram = 0x9ED; // 04755
        const uint sharedFolder = 0x5FD; // 02775: setgid on a directory only sets the group of new entries
        var snapshot = await HostileSnapshot.WriteAsync(repository, [
            HostileEntry.Directory("shared") with { Mode = sharedFolder },
            HostileEntry.File("tool", new byte[200]) with { Mode = setuidProgram },
        ], _temp.Sub("scratch"));

        var dropped = await repository.RestoreAsync(new RestoreRequest { SnapshotId = snapshot, TargetPath = _temp.Sub("default") });
        var kept = await repository.RestoreAsync(new RestoreRequest { SnapshotId = snapshot, TargetPath = _temp.Sub("kept"), KeepSetIdBits = true });

        Assert.Equal(0x1EDu, UnixFileStatus.Get(Path.Combine(_temp.Sub("default"), "tool")).Permissions);
        Assert.Equal(sharedFolder, UnixFileStatus.Get(Path.Combine(_temp.Sub("default"), "shared")).Permissions);
        Assert.Contains(dropped.Warnings, w => w.StartsWith("1 entries lost their setuid or setgid bit", StringComparison.Ordinal));
        Assert.Equal(setuidProgram, UnixFileStatus.Get(Path.Combine(_temp.Sub("kept"), "tool")).Permissions);
        Assert.DoesNotContain(kept.Warnings, w => w.Contains("setuid", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Hard_links_only_join_files_of_the_same_restore()
    {
        var world = new BaitedTarget(_temp.Sub("world"));
        using var repository = await TestRepository.InitAsync(new LocalDirectoryBackend(_temp.Sub("repo")));
        // "hard" in the target is a hard link to the host's secret; the snapshot claims the same inode twice.
        var snapshot = await HostileSnapshot.WriteAsync(repository, [
            HostileEntry.File("first", "restored"u8.ToArray()) with { Inode = 77, Links = 2 },
            HostileEntry.File("hard", "restored"u8.ToArray()) with { Inode = 77, Links = 2 },
        ], _temp.Sub("scratch"));

        await repository.RestoreAsync(new RestoreRequest { SnapshotId = snapshot, TargetPath = world.Target });

        Assert.Equal("restored", File.ReadAllText(Path.Combine(world.Target, "hard")));
        Assert.Equal(UnixFileStatus.Get(Path.Combine(world.Target, "first")).Inode, UnixFileStatus.Get(Path.Combine(world.Target, "hard")).Inode);
        world.AssertOutsideUntouched();
    }

    private async Task<RestoreRefusedException> RestoreHostileAsync(BaitedTarget world, bool withoutOpenat2, params HostileEntry[] entries)
    {
        using var repository = await TestRepository.InitAsync(new LocalDirectoryBackend(_temp.Sub("repo")));
        var snapshot = await HostileSnapshot.WriteAsync(repository, entries, _temp.Sub("scratch"));
        return await Assert.ThrowsAsync<RestoreRefusedException>(() =>
            repository.RestoreAsync(new RestoreRequest { SnapshotId = snapshot, TargetPath = world.Target, WithoutOpenat2 = withoutOpenat2 }));
    }

    public void Dispose() => _temp.Dispose();
}

using Stowage.Mover.Engine.FileSystem;
using Stowage.Mover.Engine.Storage;
using Stowage.Mover.Engine.Tests.Support;

namespace Stowage.Mover.Engine.Tests.Storage;

public sealed class LocalDirectoryDurabilityTests
{
    [Fact]
    public async Task A_write_syncs_its_directory_after_the_rename_and_a_new_directory_s_parents()
    {
        using var temp = new TempDirectory("durability");
        var root = temp.Sub("repo");
        var synced = new List<(string Directory, bool FileInPlace)>();
        var file = Path.Combine(root, "data", "ab", "abcd");
        using var backend = new LocalDirectoryBackend(root, directory => synced.Add((directory, File.Exists(file))));

        await backend.WriteAsync("data/ab/abcd", new byte[] { 1, 2, 3 }, mustNotExist: true, CancellationToken.None);

        Assert.Equal([(Path.Combine(root, "data", "ab"), true), (Path.Combine(root, "data"), true), (root, true)], synced);
        synced.Clear();
        await backend.WriteAsync("data/ab/ef01", new byte[] { 4 }, mustNotExist: true, CancellationToken.None);
        Assert.Equal([(Path.Combine(root, "data", "ab"), true)], synced);
    }

    [Fact]
    public async Task A_write_that_is_not_durable_syncs_nothing()
    {
        using var temp = new TempDirectory("durability");
        var synced = new List<string>();
        using var backend = new LocalDirectoryBackend(temp.Sub("repo"), synced.Add) { Durable = false };

        await backend.WriteAsync("index/0123", new byte[] { 1 }, mustNotExist: true, CancellationToken.None);

        Assert.Empty(synced);
    }

    [Fact]
    public void Directory_sync_runs_on_a_real_directory_and_names_a_missing_one()
    {
        using var temp = new TempDirectory("durability");

        DirectorySync.Flush(temp.Path);
        var error = Assert.Throws<IOException>(() => DirectorySync.Flush(temp.Sub("missing-dir")));

        Assert.Contains("missing-dir", error.Message);
    }
}

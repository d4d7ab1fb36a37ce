using Stowage.Mover.Engine.Backup;
using Stowage.Mover.Engine.FileSystem;
using Stowage.Mover.Engine.Snapshots;
using Stowage.Mover.Engine.Tests.Support;

namespace Stowage.Mover.Engine.Tests.Backup;

/// <summary>A backup reads the file it listed: not a link swapped in after the listing, not another file moved into its place.</summary>
public sealed class ListedFileTests : IDisposable
{
    private readonly TempDirectory _temp = new("listed-file");

    private TreeNode List(string path) => TreeNodeFactory.Create(Path.GetFileName(path), TreeNode.File, UnixFileStatus.Get(path));

    [Fact]
    public void The_listed_file_opens()
    {
        var path = _temp.Sub("data");
        File.WriteAllText(path, "data");
        using var handle = ListedFile.Open(path, List(path));
        Assert.Equal(4, RandomAccess.GetLength(handle));
    }

    [Fact]
    public void A_file_swapped_for_a_symlink_after_listing_is_not_followed()
    {
        var secret = _temp.Sub("host-secret");
        File.WriteAllText(secret, "the host's secret");
        var path = _temp.Sub("data");
        File.WriteAllText(path, "data");
        var listed = List(path);
        File.Delete(path);
        File.CreateSymbolicLink(path, secret);

        var error = Assert.Throws<IOException>(() => ListedFile.Open(path, listed));
        Assert.Contains("became a symbolic link", error.Message);
    }

    [Fact]
    public void A_file_replaced_by_another_after_listing_is_refused()
    {
        var path = _temp.Sub("data");
        File.WriteAllText(path, "data");
        var listed = List(path);
        var other = _temp.Sub("other");
        File.WriteAllText(other, "another file");
        File.Move(other, path, overwrite: true);

        var error = Assert.Throws<IOException>(() => ListedFile.Open(path, listed));
        Assert.Contains("was replaced by another file", error.Message);
    }

    public void Dispose() => _temp.Dispose();
}

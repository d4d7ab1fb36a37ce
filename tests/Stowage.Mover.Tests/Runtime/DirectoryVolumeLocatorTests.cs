using Microsoft.Extensions.Options;
using Stowage.Mover.Runtime;
using Stowage.Mover.Runtime.Volumes;

namespace Stowage.Mover.Tests.Runtime;

public sealed class DirectoryVolumeLocatorTests : IDisposable
{
    private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("stowage-volumes-");

    private DirectoryVolumeLocator Locator() => new(Options.Create(new MoverOptions { VolumeRoot = Path.Combine(root.FullName, "volumes") }));

    [Theory]
    [InlineData("shop", "/root/.ssh")]
    [InlineData("shop", "../../escape")]
    [InlineData("shop", "..")]
    [InlineData("..", "escape")]
    [InlineData("/tmp", "escape")]
    public async Task Names_that_could_leave_the_volume_root_are_refused_and_nothing_is_created(string ns, string claim)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Locator().LocateAsync(ns, claim, create: true, CancellationToken.None));

        Assert.Contains("is not a Kubernetes", error.Message);
        Assert.Empty(root.EnumerateFileSystemInfos("*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task A_claim_folder_is_below_the_root()
    {
        var path = await Locator().LocateAsync("shop", "data-db-0", create: true, CancellationToken.None);

        Assert.Equal(Path.Combine(root.FullName, "volumes", "shop", "data-db-0"), path);
        Assert.True(Directory.Exists(path));
    }

    public void Dispose() => root.Delete(recursive: true);
}

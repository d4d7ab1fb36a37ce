using Stowage.Mover.Engine.Backup;
using Stowage.Mover.Engine.Repository;
using Stowage.Mover.Engine.Snapshots;
using Stowage.Mover.Engine.Storage;
using Stowage.Mover.Engine.Tests.Support;

namespace Stowage.Mover.Engine.Tests.Repository;

public sealed class TreePrefetchTests
{
    [Fact]
    public async Task Prefetched_trees_wait_in_the_cache_up_to_a_byte_limit_and_leave_it_when_the_walk_takes_them()
    {
        using var temp = new TempDirectory("prefetch");
        var source = temp.Sub("source");
        // Six directories of 300 files (trees of tens of KB), then small ones: the window covers big0-big5, small0, small1.
        for (var d = 0; d < 6; d++)
        {
            var big = Directory.CreateDirectory(Path.Combine(source, $"big{d}")).FullName;
            for (var f = 0; f < 300; f++) File.WriteAllText(Path.Combine(big, $"file-{f:D4}"), $"{d}/{f}");
        }
        for (var d = 0; d < 4; d++) File.WriteAllText(Path.Combine(Directory.CreateDirectory(Path.Combine(source, $"small{d}")).FullName, "one"), $"{d}");
        using var repository = await TestRepository.InitAsync(new LocalDirectoryBackend(temp.Sub("repo")));
        await repository.BackupAsync(new BackupRequest { SourcePath = source });
        var store = repository.Store;
        var snapshot = (await store.LoadSnapshotsAsync(CancellationToken.None))[0].Snapshot;
        var root = await store.LoadTreeAsync(BlobId.Parse(snapshot.Tree), CancellationToken.None);
        var window = root.Nodes.Where(n => n.Type == TreeNode.Directory).Take(TreeLoader.Window).ToList();
        var bigTree = RawLength(store, window[0]);
        var windowBytes = window.Sum(n => RawLength(store, n));

        var unbounded = new TreeLoader(store, 0, prefetchBytes: long.MaxValue);
        unbounded.PrefetchChildren(root, CancellationToken.None);
        Assert.Equal(windowBytes, unbounded.PrefetchedBytes);

        var bounded = new TreeLoader(store, 0, prefetchBytes: bigTree * 3 / 2);
        bounded.PrefetchChildren(root, CancellationToken.None);
        // The first big tree and the two small ones fit; the other big trees wait for the walk to reach them.
        Assert.Equal(bigTree + RawLength(store, window[6]) + RawLength(store, window[7]), bounded.PrefetchedBytes);
        foreach (var node in root.Nodes.Where(n => n.Type == TreeNode.Directory))
        {
            var tree = await bounded.LoadAsync(BlobId.Parse(node.Subtree!), CancellationToken.None);
            Assert.NotEmpty(tree.Nodes);
        }
        Assert.Equal(0, bounded.PrefetchedBytes);
        await bounded.WhenIdleAsync();
        await unbounded.WhenIdleAsync();
    }

    private static long RawLength(RepositoryStore store, TreeNode directory)
    {
        Assert.True(store.Index.TryFind(BlobId.Parse(directory.Subtree!), out _, out var entry));
        return entry.RawLength;
    }
}

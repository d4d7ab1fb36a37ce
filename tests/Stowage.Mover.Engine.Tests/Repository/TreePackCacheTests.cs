using Stowage.Mover.Engine.Backup;
using Stowage.Mover.Engine.Packs;
using Stowage.Mover.Engine.Repository;
using Stowage.Mover.Engine.Storage;
using Stowage.Mover.Engine.Tests.Support;

namespace Stowage.Mover.Engine.Tests.Repository;

public sealed class TreePackCacheTests
{
    private const int Window = 4096;

    [Fact]
    public async Task Trees_are_read_a_window_at_a_time_and_the_cache_never_holds_more_than_its_bound()
    {
        using var temp = new TempDirectory("tree-pack-cache");
        using var repository = await RepositoryWithManyTreesAsync(temp);
        var store = repository.Store;
        var trees = TreeBlobs(store);
        var packBytes = trees.GroupBy(t => t.Pack).Sum(g => g.Max(t => t.Entry.Offset + (long)t.Entry.Length));
        Assert.True(packBytes > 8 * Window, $"tree packs hold {packBytes} bytes, too few to need several windows");

        var cache = new TreePackCache(store, cacheBytes: 4 * Window, windowBytes: Window);
        foreach (var (id, _, _) in trees)
        {
            using var blob = await cache.ReadBlobAsync(id, CancellationToken.None);
            Assert.Equal(id, store.Keys.IdHasher.Hash(blob.Span));
            Assert.InRange(cache.CachedBytes, 1, 4 * Window);
        }
        // In pack order every window is read once (a blob larger than a window on its own): far fewer requests than trees.
        var large = trees.Count(t => t.Entry.Length > Window);
        var windows = trees.Where(t => t.Entry.Length <= Window).Select(t => (t.Pack, t.Entry.Offset / Window)).Distinct().Count();
        Assert.InRange(cache.Reads, 1, windows + large);
        Assert.True(cache.Reads * 4 < trees.Count, $"{cache.Reads} reads for {trees.Count} trees");
    }

    [Fact]
    public async Task A_walk_that_moves_between_two_places_keeps_both_windows_instead_of_rereading()
    {
        using var temp = new TempDirectory("tree-pack-cache-lru");
        using var repository = await RepositoryWithManyTreesAsync(temp);
        var store = repository.Store;
        var trees = TreeBlobs(store).Where(t => t.Entry.Length <= Window).ToList();
        var (first, last) = (trees[0], trees.Last(t => t.Pack == trees[0].Pack));
        Assert.True(last.Entry.Offset - first.Entry.Offset > 2 * Window);

        var cache = new TreePackCache(store, cacheBytes: 4 * Window, windowBytes: Window);
        for (var round = 0; round < 20; round++)
        {
            (await cache.ReadBlobAsync(first.Id, CancellationToken.None)).Dispose();
            (await cache.ReadBlobAsync(last.Id, CancellationToken.None)).Dispose();
        }
        Assert.Equal(2, cache.Reads);
    }

    [Fact]
    public async Task A_cache_smaller_than_two_windows_reads_each_blob_on_its_own()
    {
        using var temp = new TempDirectory("tree-pack-cache-none");
        using var repository = await RepositoryWithManyTreesAsync(temp);
        var store = repository.Store;
        var trees = TreeBlobs(store).Take(10).ToList();

        var cache = new TreePackCache(store, cacheBytes: Window, windowBytes: Window);
        foreach (var (id, _, _) in trees)
        {
            using var blob = await cache.ReadBlobAsync(id, CancellationToken.None);
            Assert.Equal(id, store.Keys.IdHasher.Hash(blob.Span));
        }
        Assert.Equal(trees.Count, cache.Reads);
        Assert.Equal(0, cache.CachedBytes);
    }

    private static async Task<StowageRepository> RepositoryWithManyTreesAsync(TempDirectory temp)
    {
        var source = temp.Sub("source");
        for (var d = 0; d < 400; d++)
            File.WriteAllText(Path.Combine(Directory.CreateDirectory(Path.Combine(source, $"dir-{d:D3}", "inner")).FullName, "file"), $"{d}");
        var repository = await TestRepository.InitAsync(new LocalDirectoryBackend(temp.Sub("repo")));
        await repository.BackupAsync(new BackupRequest { SourcePath = source });
        return repository;
    }

    private static List<(BlobId Id, BlobId Pack, PackEntry Entry)> TreeBlobs(RepositoryStore store) =>
        store.Index.EnumeratePacks().SelectMany(p => p.Entries.Where(e => e.Type == BlobType.Tree).Select(e => (e.Id, p.PackId, e)))
            .OrderBy(t => t.PackId.ToString()).ThenBy(t => t.e.Offset).ToList();
}

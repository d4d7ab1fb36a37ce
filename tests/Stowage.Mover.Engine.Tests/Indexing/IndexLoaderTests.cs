using Stowage.Mover.Engine.Indexing;
using Stowage.Mover.Engine.Packs;
using static Stowage.Mover.Engine.Tests.Indexing.IndexFixtures;

namespace Stowage.Mover.Engine.Tests.Indexing;

public sealed class IndexLoaderTests
{
    private static RepositoryIndex Load(params byte[][] files) => Load<IndexEntry>(files);

    [Fact]
    public void Every_entry_of_the_files_is_found_where_it_was_put_and_a_pack_two_files_list_counts_once()
    {
        var packs = Enumerable.Range(0, 30).Select(_ => Pack(2000)).ToList();
        var index = Load(IndexFileCodec.Write(packs[..15]), IndexFileCodec.Write(packs[15..]), IndexFileCodec.Write([packs[3], packs[20]]));

        Assert.Equal(60_000, index.BlobCount);
        Assert.Equal(30, index.PackCount);
        AssertEveryBlobFoundInItsPack(index, packs);
        var ids = packs.SelectMany(p => p.Entries).Select(e => e.Id).Order().ToList();
        Assert.Equal(Enumerable.Range(0, ids.Count).Select(i => (long)i), ids.Select(index.PositionOf));
    }

    [Fact]
    public void A_pack_one_file_lists_twice_counts_once()
    {
        var packs = new[] { Pack(2000), Pack(1000) };
        var index = Load(IndexFileCodec.Write([packs[0], packs[1], packs[0]]));

        Assert.Equal(3000, index.BlobCount);
        Assert.Equal(2, index.PackCount);
        AssertEveryBlobFoundInItsPack(index, packs);
        Assert.False(index.Contains(RandomId()));
    }

    [Fact]
    public void A_blob_in_two_packs_is_found_in_the_pack_listed_first_and_kept_in_both()
    {
        var first = Pack(5000);
        var shared = first.Entries[7];
        var second = new PackDescriptor(RandomId(), 50, [shared with { Offset = 0 }]);
        var index = Load(IndexFileCodec.Write([first]), IndexFileCodec.Write([second]));

        Assert.True(index.TryFind(shared.Id, out var home, out var entry));
        Assert.Equal(first.PackId, home);
        Assert.Equal(shared.Offset, entry.Offset);
        Assert.Equal(5001, index.BlobCount);
        var listed = index.EnumeratePacks().ToList();
        Assert.Equal([first.PackId, second.PackId], listed.Select(p => p.PackId));
        Assert.Equal([shared with { Offset = 0 }], listed[1].Entries);
    }

    [Fact]
    public void A_file_that_holds_other_entries_when_read_again_is_refused()
    {
        var pack = Pack(3000);
        var loader = new IndexLoader<IndexEntry>();
        loader.Count(IndexFileCodec.Write([pack]), "index/a");

        var other = pack with { Entries = [.. pack.Entries.Take(2000), .. Pack(1500).Entries] };
        Assert.Throws<RepositoryDamagedException>(() =>
        {
            loader.Fill(IndexFileCodec.Write([other]), "index/a");
            loader.Build();
        });
    }

    [Fact]
    public void An_index_loaded_from_files_takes_blobs_a_backup_adds_afterwards()
    {
        var index = Load(IndexFileCodec.Write([Pack(4000)]));
        var added = Pack(20_000);
        index.Add(added);

        Assert.Equal(24_000, index.BlobCount);
        Assert.All(added.Entries, e => Assert.True(index.TryFind(e.Id, out var home, out _) && home == added.PackId));
    }
}

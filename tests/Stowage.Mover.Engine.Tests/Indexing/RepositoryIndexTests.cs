using Stowage.Mover.Engine.Indexing;
using Stowage.Mover.Engine.Packs;
using static Stowage.Mover.Engine.Tests.Indexing.IndexFixtures;

namespace Stowage.Mover.Engine.Tests.Indexing;

public sealed class RepositoryIndexTests
{
    [Fact]
    public void Every_blob_of_more_packs_than_one_merge_holds_is_found_where_it_was_put()
    {
        var index = new RepositoryIndex();
        var packs = Enumerable.Range(0, 60).Select(_ => Pack(1000)).ToList();
        foreach (var pack in packs) index.Add(pack);

        Assert.Equal(60_000, index.BlobCount);
        Assert.Equal(60, index.PackCount);
        AssertEveryBlobFoundInItsPack(index, packs);
    }

    [Fact]
    public void A_blob_in_two_packs_is_found_in_the_first_and_listed_in_both()
    {
        var index = new RepositoryIndex();
        var first = Pack(20_000);
        var shared = first.Entries[7];
        var second = new PackDescriptor(RandomId(), 50, [shared with { Offset = 0 }]);
        index.Add(first);
        index.Add(second);
        index.Add(second);

        Assert.True(index.TryFind(shared.Id, out var home, out var entry));
        Assert.Equal(first.PackId, home);
        Assert.Equal(shared.Offset, entry.Offset);
        var listed = index.EnumeratePacks().ToList();
        Assert.Equal([first.PackId, second.PackId], listed.Select(p => p.PackId));
        Assert.Equal(first.Entries.OrderBy(e => e.Offset), listed[0].Entries);
        Assert.Equal([shared with { Offset = 0 }], listed[1].Entries);
    }

    [Fact]
    public void Positions_number_the_entries_in_id_order_and_marks_keep_one_bit_each()
    {
        var index = new RepositoryIndex();
        var packs = Enumerable.Range(0, 5).Select(_ => Pack(7000)).ToList();
        foreach (var pack in packs) index.Add(pack);
        var ids = packs.SelectMany(p => p.Entries).Select(e => e.Id).ToList();

        var positions = ids.Select(index.PositionOf).ToList();
        Assert.Equal(Enumerable.Range(0, ids.Count).Select(i => (long)i), positions.Order());
        Assert.Equal(Enumerable.Range(0, ids.Count).Select(i => (long)i), ids.Order().Select(index.PositionOf));

        var marks = new BlobMarks(index);
        var stranger = RandomId();
        Assert.True(marks.Add(ids[3], out var indexed));
        Assert.True(indexed);
        Assert.False(marks.Add(ids[3]));
        Assert.True(marks.Add(stranger, out indexed));
        Assert.False(indexed);
        Assert.False(marks.Add(stranger));
        Assert.True(marks.Contains(ids[3]) && marks.Contains(stranger));
        Assert.False(marks.Contains(ids[4]));
    }
}

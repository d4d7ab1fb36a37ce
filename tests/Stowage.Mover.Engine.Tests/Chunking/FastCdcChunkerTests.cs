using Stowage.Mover.Engine.Chunking;
using Stowage.Mover.Engine.Tests.Support;

namespace Stowage.Mover.Engine.Tests.Chunking;

public sealed class FastCdcChunkerTests
{
    private static readonly ChunkerParameters Small = new(2 * 1024, 8 * 1024, 64 * 1024);
    private static readonly byte[] Seed = new byte[32];

    [Fact]
    public void Chunks_respect_min_and_max_and_average_near_the_target()
    {
        var chunker = new FastCdcChunker(Small, Seed);
        var cuts = Cut(chunker, SampleTree.Bytes(new Random(1), 4 * 1024 * 1024));

        Assert.All(cuts[..^1], length => Assert.InRange(length, Small.Min, Small.Max));
        Assert.InRange(cuts.Average(), Small.Average * 0.6, Small.Average * 1.6);
    }

    [Fact]
    public void Inserting_a_byte_at_the_start_changes_only_the_first_chunks()
    {
        var chunker = new FastCdcChunker(Small, Seed);
        var data = SampleTree.Bytes(new Random(2), 2 * 1024 * 1024);
        var shifted = new byte[data.Length + 1];
        data.CopyTo(shifted, 1);

        var original = Boundaries(Cut(chunker, data), 0);
        var moved = Boundaries(Cut(chunker, shifted), -1);

        Assert.True(original.Intersect(moved).Count() >= original.Count - 3);
    }

    [Fact]
    public void Different_seeds_cut_differently_and_a_zero_filled_buffer_cuts_at_max()
    {
        var data = SampleTree.Bytes(new Random(3), 1024 * 1024);
        var a = Cut(new FastCdcChunker(Small, Seed), data);
        var b = Cut(new FastCdcChunker(Small, Enumerable.Repeat((byte)7, 32).ToArray()), data);
        var zeros = Cut(new FastCdcChunker(Small, Seed), new byte[200 * 1024]);

        Assert.NotEqual(a, b);
        Assert.Equal(Small.Max, zeros[0]);
    }

    [Fact]
    public void The_normalization_level_changes_where_chunks_are_cut_and_is_validated()
    {
        var data = SampleTree.Bytes(new Random(4), 2 * 1024 * 1024);

        var level1 = Cut(new FastCdcChunker(Small with { Normalization = 1 }, Seed), data);
        var level2 = Cut(new FastCdcChunker(Small with { Normalization = 2 }, Seed), data);

        Assert.NotEqual(level1, level2);
        Assert.Throws<ArgumentException>(() => new FastCdcChunker(Small with { Normalization = 4 }, Seed));
    }

    private static int[] Cut(FastCdcChunker chunker, byte[] data)
    {
        var cuts = new List<int>();
        for (var offset = 0; offset < data.Length;)
        {
            var cut = chunker.NextCut(data.AsSpan(offset));
            cuts.Add(cut);
            offset += cut;
        }
        return [.. cuts];
    }

    private static HashSet<long> Boundaries(int[] cuts, long shift)
    {
        long position = shift;
        return cuts.Select(c => position += c).ToHashSet();
    }
}

using Stowage.Mover.Engine.Crypto;
using Stowage.Mover.Engine.Indexing;
using Stowage.Mover.Engine.Packs;
using Stowage.Mover.Engine.Repository;
using static Stowage.Mover.Engine.Tests.Indexing.IndexFixtures;

namespace Stowage.Mover.Engine.Tests.Indexing;

/// <summary>The index a restore loads: blobs found by the first 12 bytes of their ids, in 30 bytes each.</summary>
public sealed class LookupIndexTests
{
    private static readonly RepositoryConfig Config = new(1, "test", DateTimeOffset.UnixEpoch, 2048, 8192, 65536, "zstd", 3, 1 << 20);

    [Fact]
    public void Every_blob_is_found_where_it_was_put_in_30_bytes_each_and_a_blob_in_two_packs_in_the_first()
    {
        var packs = Enumerable.Range(0, 20).Select(_ => Pack(3000)).ToList();
        var shared = packs[2].Entries[5];
        var again = new PackDescriptor(RandomId(), 50, [shared with { Offset = 0 }]);

        var index = Load<LookupEntry>(IndexFileCodec.Write(packs[..10]), IndexFileCodec.Write([.. packs[10..], again]));

        Assert.Equal(60_001, index.BlobCount);
        AssertEveryBlobFoundInItsPack(index, packs);
        Assert.Equal(60_001L * 30 + 21 * 100, index.ApproximateBytes);
        Assert.True(Load<IndexEntry>(IndexFileCodec.Write(packs)).ApproximateBytes > 60_000L * 49);
    }

    [Fact]
    public void What_needs_whole_ids_is_refused_rather_than_answered_by_a_prefix()
    {
        var index = Load<LookupEntry>(IndexFileCodec.Write([Pack(100)]));

        Assert.Throws<InvalidOperationException>(() => index.Contains(RandomId()));
        Assert.Throws<InvalidOperationException>(() => index.PositionOf(RandomId()));
        Assert.Throws<InvalidOperationException>(() => index.EnumeratePacks().ToList());
    }

    [Fact]
    public void Two_ids_sharing_a_key_find_the_first_blob_which_then_fails_authentication_under_the_other_id()
    {
        using var keys = new RepositoryKeys(MasterKey.CreateRandom(), Config);
        var plain = "the first blob"u8.ToArray();
        var first = keys.IdHasher.Hash(plain);
        var bytes = first.ToBytes();
        bytes[^1] ^= 0xFF;
        var second = new BlobId(bytes);
        var sealedBlob = keys.Blobs.Seal(first, plain);
        var stored = sealedBlob.Buffer.AsSpan(0, sealedBlob.Length).ToArray();
        var entry = new PackEntry(first, BlobType.Data, sealedBlob.Compressed, 0, (uint)stored.Length, (uint)plain.Length);
        var firstPack = new PackDescriptor(RandomId(), stored.Length, [entry]);
        var secondPack = new PackDescriptor(RandomId(), stored.Length, [entry with { Id = second }]);

        var index = Load<LookupEntry>(IndexFileCodec.Write([firstPack, secondPack]));

        Assert.True(index.TryFind(second, out var home, out var found));
        Assert.Equal(firstPack.PackId, home);
        Assert.Equal(second, found.Id);
        Assert.Equal(plain, keys.Blobs.Open(entry, stored, "pack"));
        var error = Assert.Throws<RepositoryDamagedException>(() => keys.Blobs.Open(found, stored, "pack"));
        Assert.Contains("failed authentication", error.Message);
    }
}

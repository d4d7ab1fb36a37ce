using System.Security.Cryptography;
using Stowage.Mover.Engine.Crypto;
using Stowage.Mover.Engine.Indexing;
using Stowage.Mover.Engine.Packs;

namespace Stowage.Mover.Engine.Tests.Indexing;

/// <summary>Packs of random blobs for index tests, and the check that an index finds each blob where it was put.</summary>
internal static class IndexFixtures
{
    public static BlobId RandomId() => new(RandomNumberGenerator.GetBytes(BlobId.Size));

    public static PackDescriptor Pack(int blobs) =>
        new(RandomId(), 1000 + blobs, Enumerable.Range(0, blobs)
            .Select(i => new PackEntry(RandomId(), i % 3 == 0 ? BlobType.Tree : BlobType.Data, i % 2 == 0, (uint)i * 100, AuthenticatedCipher.Overhead + 1, (uint)i + 1)).ToArray());

    /// <summary>An index built from index files as a repository loads it: both passes, the second from several threads.</summary>
    public static RepositoryIndex Load<TEntry>(params byte[][] files) where TEntry : struct, IBlobTableEntry<TEntry>
    {
        var loader = new IndexLoader<TEntry>();
        for (var i = 0; i < files.Length; i++) loader.Count(files[i], $"index/{i}");
        Parallel.For(0, files.Length, i => loader.Fill(files[i], $"index/{i}"));
        return loader.Build();
    }

    public static void AssertEveryBlobFoundInItsPack(RepositoryIndex index, IEnumerable<PackDescriptor> packs)
    {
        foreach (var pack in packs)
        {
            foreach (var expected in pack.Entries)
            {
                Assert.True(index.TryFind(expected.Id, out var home, out var entry));
                Assert.Equal(pack.PackId, home);
                Assert.Equal(expected, entry);
            }
        }
        Assert.False(index.TryFind(RandomId(), out _, out _));
    }
}

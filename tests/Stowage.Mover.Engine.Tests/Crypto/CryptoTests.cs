using Stowage.Mover.Engine.Crypto;
using Stowage.Mover.Engine.Packs;
using Stowage.Mover.Engine.Repository;

namespace Stowage.Mover.Engine.Tests.Crypto;

public sealed class CryptoTests
{
    private static readonly RepositoryConfig Config = new(1, "test", DateTimeOffset.UnixEpoch, 2048, 8192, 65536, "zstd", 3, 1 << 20);

    [Fact]
    public void Sealed_blob_opens_only_unaltered_and_under_its_own_id()
    {
        using var keys = new RepositoryKeys(MasterKey.CreateRandom(), Config);
        var plain = System.Text.Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("compressible text ", 500)));
        var id = keys.IdHasher.Hash(plain);
        var sealedBlob = keys.Blobs.Seal(id, plain);
        var stored = sealedBlob.Buffer.AsSpan(0, sealedBlob.Length).ToArray();
        var entry = new PackEntry(id, BlobType.Data, sealedBlob.Compressed, 0, (uint)stored.Length, (uint)plain.Length);

        Assert.True(sealedBlob.Compressed);
        Assert.True(stored.Length < plain.Length / 4);
        Assert.Equal(plain, keys.Blobs.Open(entry, stored, "test"));
        stored[^20] ^= 1;
        Assert.Throws<RepositoryDamagedException>(() => keys.Blobs.Open(entry, stored, "test"));
        stored[^20] ^= 1;
        Assert.Throws<RepositoryDamagedException>(() => keys.Blobs.Open(entry with { Id = keys.IdHasher.Hash([1, 2, 3]) }, stored, "test"));
    }

    [Fact]
    public void Incompressible_data_is_stored_raw()
    {
        using var keys = new RepositoryKeys(MasterKey.CreateRandom(), Config);
        var plain = System.Security.Cryptography.RandomNumberGenerator.GetBytes(300_000);

        var sealedBlob = keys.Blobs.Seal(keys.IdHasher.Hash(plain), plain);

        Assert.False(sealedBlob.Compressed);
        Assert.Equal(plain.Length + AuthenticatedCipher.Overhead, sealedBlob.Length);
    }

    [Fact]
    public void Chunk_ids_depend_on_the_repository_key()
    {
        var data = new byte[] { 1, 2, 3 };
        using var a = new RepositoryKeys(MasterKey.CreateRandom(), Config);
        using var b = new RepositoryKeys(MasterKey.CreateRandom(), Config);

        Assert.NotEqual(a.IdHasher.Hash(data), b.IdHasher.Hash(data));
        Assert.Equal(a.IdHasher.Hash(data), a.IdHasher.Hash(data));
    }

    [Fact]
    public void Key_envelope_unwraps_with_the_right_password_only()
    {
        var master = MasterKey.CreateRandom();
        var envelope = KeyEnvelope.Wrap(master, RepositorySecret.FromPassword("right"), KeyEnvelope.MinIterations, "test");

        Assert.Equal(master.Secret, envelope.TryUnwrap(RepositorySecret.FromPassword("right"))!.Secret);
        Assert.Null(envelope.TryUnwrap(RepositorySecret.FromPassword("wrong")));
        Assert.Null(envelope.TryUnwrap(RepositorySecret.FromKeyFile(new byte[32])));
        Assert.DoesNotContain(Convert.ToBase64String(master.Secret), System.Text.Json.JsonSerializer.Serialize(envelope, EngineJsonContext.Default.KeyEnvelope));
    }
}

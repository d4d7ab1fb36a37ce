using System.Buffers.Binary;
using System.Text;
using Stowage.Mover.Engine.Backup;
using Stowage.Mover.Engine.Crypto;
using Stowage.Mover.Engine.Packs;
using Stowage.Mover.Engine.Repository;
using Stowage.Mover.Engine.Storage;
using Stowage.Mover.Engine.Tests.Support;

namespace Stowage.Mover.Engine.Tests.Repository;

/// <summary>What someone who can write the bucket, but has no key, can change in a repository: nothing unnoticed.</summary>
public sealed class TamperingTests
{
    private const string Modified = "repository config was modified or is corrupt";

    [Fact]
    public async Task An_edited_parameter_in_a_version_2_config_makes_open_fail_clearly()
    {
        using var temp = new TempDirectory("tamper-config");
        var config = await NewRepositoryConfigAsync(temp.Sub("repo"));
        var packSize = $"\"packSize\":{TestRepository.Options.PackSize}";
        Assert.Contains(packSize, File.ReadAllText(config));

        File.WriteAllText(config, File.ReadAllText(config).Replace(packSize, $"\"packSize\":{TestRepository.Options.PackSize * 2}"));

        var error = await Assert.ThrowsAsync<RepositoryDamagedException>(() => TestRepository.OpenAsync(new LocalDirectoryBackend(temp.Sub("repo"))));
        Assert.Contains(Modified, error.Message);
    }

    [Fact]
    public async Task A_config_from_another_repository_or_without_its_mac_makes_open_fail_clearly()
    {
        using var temp = new TempDirectory("tamper-config-swap");
        var config = await NewRepositoryConfigAsync(temp.Sub("repo"));
        var original = File.ReadAllText(config);
        var foreign = File.ReadAllText(await NewRepositoryConfigAsync(temp.Sub("other")));
        var withoutMac = original[..original.IndexOf(",\"mac\"", StringComparison.Ordinal)] + "}";

        foreach (var replacement in new[] { foreign, withoutMac })
        {
            File.WriteAllText(config, replacement);
            var error = await Assert.ThrowsAsync<RepositoryDamagedException>(() => TestRepository.OpenAsync(new LocalDirectoryBackend(temp.Sub("repo"))));
            Assert.Contains(Modified, error.Message);
        }
    }

    [Fact]
    public async Task A_version_2_config_rewritten_as_version_1_makes_open_fail_clearly()
    {
        using var temp = new TempDirectory("tamper-config-downgrade");
        var config = await NewRepositoryConfigAsync(temp.Sub("repo"));
        using (var document = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(config)))
        {
            var inner = document.RootElement.GetProperty("config").GetRawText();
            File.WriteAllText(config, inner.Replace("\"version\":2", "\"version\":1").Replace("\"compressionLevel\":1", "\"compressionLevel\":19"));
        }

        var error = await Assert.ThrowsAsync<RepositoryDamagedException>(() => TestRepository.OpenAsync(new LocalDirectoryBackend(temp.Sub("repo"))));

        Assert.Contains(Modified, error.Message);
    }

    [Fact]
    public async Task A_version_1_config_with_a_parameter_out_of_bounds_is_refused_naming_the_field()
    {
        using var temp = new TempDirectory("tamper-config-v1");
        var repo = RepositoryFixtures.CopyVersion1(temp.Sub("repo"));
        var config = Path.Combine(repo, "config");
        File.WriteAllText(config, File.ReadAllText(config).Replace("\"packSize\":16777216", "\"packSize\":2147483647"));

        var error = await Assert.ThrowsAsync<RepositoryDamagedException>(() => TestRepository.OpenAsync(new LocalDirectoryBackend(repo)));

        Assert.Contains("field 'packSize' is 2147483647", error.Message);
    }

    [Fact]
    public async Task A_version_1_config_given_large_file_blocks_is_refused_naming_the_fields()
    {
        using var temp = new TempDirectory("tamper-config-v1-blocks");
        var repo = RepositoryFixtures.CopyVersion1(temp.Sub("repo"));
        var config = Path.Combine(repo, "config");
        File.WriteAllText(config, File.ReadAllText(config).Replace("\"packSize\":16777216", "\"packSize\":16777216,\"blockThreshold\":65536,\"blockSize\":4096"));

        var error = await Assert.ThrowsAsync<RepositoryDamagedException>(() => TestRepository.OpenAsync(new LocalDirectoryBackend(repo)));

        Assert.Contains("fields 'blockThreshold' and 'blockSize' need format version 3", error.Message);
    }

    [Fact]
    public async Task A_config_of_a_newer_version_or_far_too_large_is_refused_without_reading_it_whole()
    {
        using var temp = new TempDirectory("tamper-config-size");
        var config = await NewRepositoryConfigAsync(temp.Sub("repo"));
        var original = File.ReadAllText(config);

        File.WriteAllText(config, original.Replace("{\"version\":3,", "{\"version\":4,"));
        var newer = await Assert.ThrowsAsync<RepositoryDamagedException>(() => TestRepository.OpenAsync(new LocalDirectoryBackend(temp.Sub("repo"))));
        File.WriteAllText(config, original + new string(' ', 1024 * 1024));
        var large = await Assert.ThrowsAsync<RepositoryDamagedException>(() => TestRepository.OpenAsync(new LocalDirectoryBackend(temp.Sub("repo"))));

        Assert.Contains("version 4 is not supported", newer.Message);
        Assert.Contains("'config' is larger than the 65536 bytes", large.Message);
    }

    [Fact]
    public async Task A_key_envelope_with_a_trillion_iterations_is_refused_at_once_naming_the_field()
    {
        using var temp = new TempDirectory("tamper-envelope");
        await NewRepositoryConfigAsync(temp.Sub("repo"));
        var envelope = Directory.GetFiles(temp.Sub("repo/keys")).Single();
        var iterations = $"\"iterations\":{KeyEnvelope.MinIterations}";
        Assert.Contains(iterations, File.ReadAllText(envelope));
        File.WriteAllText(envelope, File.ReadAllText(envelope).Replace(iterations, "\"iterations\":1000000000000"));

        var error = await Assert.ThrowsAsync<RepositoryDamagedException>(() => TestRepository.OpenAsync(new LocalDirectoryBackend(temp.Sub("repo"))));

        Assert.Contains($"Key envelope 'keys/{Path.GetFileName(envelope)}': field 'iterations' is 1,000,000,000,000, outside 100,000 to 10,000,000", error.Message);
    }

    [Fact]
    public async Task Envelopes_are_not_made_with_iterations_out_of_bounds()
    {
        using var temp = new TempDirectory("envelope-bounds");
        foreach (var iterations in new[] { KeyEnvelope.MinIterations - 1, KeyEnvelope.MaxIterations + 1 })
        {
            var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
                TestRepository.InitAsync(new LocalDirectoryBackend(temp.Sub("repo")), TestRepository.Options with { KdfIterations = iterations }));
            Assert.Equal("iterations", error.ParamName);
        }
        Assert.False(Directory.Exists(temp.Sub("repo")) && Directory.EnumerateFileSystemEntries(temp.Sub("repo")).Any());
    }

    [Fact]
    public async Task A_sealed_file_that_declares_a_tebibyte_is_refused_without_allocating_it()
    {
        using var temp = new TempDirectory("tamper-sealed-size");
        using var repository = await TestRepository.InitAsync(new LocalDirectoryBackend(temp.Sub("repo")));
        var keys = repository.Store.Keys;
        var stored = keys.Cipher.Seal(CompressedPayloadDeclaring(1L << 40), "stowage/v1/index"u8);

        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<RepositoryDamagedException>(() => keys.Files.Open("index", stored, "Object 'index/x'"));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;

        Assert.Contains("Object 'index/x' declares 1099511627776 bytes", error.Message);
        Assert.True(allocated < 1024 * 1024, $"{allocated} bytes allocated");
        await repository.Store.Backend.WriteAsync(RepositoryLayout.Index(BlobId.HashOf(stored)), stored, mustNotExist: true, CancellationToken.None);
        var load = await Assert.ThrowsAsync<RepositoryDamagedException>(() => repository.Store.LoadIndexAsync(CancellationToken.None));
        Assert.Contains("declares 1099511627776 bytes", load.Message);
    }

    [Fact]
    public async Task An_index_object_larger_than_any_sealed_file_is_refused_before_it_is_read()
    {
        using var temp = new TempDirectory("tamper-index-size");
        using var repository = await TestRepository.InitAsync(new LocalDirectoryBackend(temp.Sub("repo")));
        var index = Path.Combine(temp.Sub("repo"), "index", new string('a', 64));
        Directory.CreateDirectory(Path.GetDirectoryName(index)!);
        using (var sparse = File.Create(index)) sparse.SetLength(RepositoryLimits.MaxSealedObjectBytes + 1);

        var error = await Assert.ThrowsAsync<RepositoryDamagedException>(() => repository.Store.LoadIndexAsync(CancellationToken.None));

        Assert.Contains($"Object 'index/{new string('a', 64)}' is {RepositoryLimits.MaxSealedObjectBytes + 1} bytes", error.Message);
    }

    [Fact]
    public async Task A_manifest_object_larger_than_any_sealed_file_is_refused_without_reading_it_whole()
    {
        using var temp = new TempDirectory("tamper-manifest-size");
        var source = Directory.CreateDirectory(temp.Sub("source")).FullName;
        using var repository = await TestRepository.InitAsync(new LocalDirectoryBackend(temp.Sub("repo")));
        var snapshot = (await repository.BackupAsync(new BackupRequest { SourcePath = source })).Snapshot;
        var manifest = Path.Combine(temp.Sub("repo"), "manifests", snapshot.Id);
        Directory.CreateDirectory(Path.GetDirectoryName(manifest)!);
        using (var sparse = File.Create(manifest)) sparse.SetLength(RepositoryLimits.MaxSealedObjectBytes + 1024 * 1024);

        var error = await Assert.ThrowsAsync<RepositoryDamagedException>(() => repository.ReadApplicationManifestAsync(snapshot.Id));

        Assert.Contains($"Object 'manifests/{snapshot.Id}' is larger than the {RepositoryLimits.MaxSealedObjectBytes} bytes", error.Message);
    }

    [Fact]
    public void A_pack_entry_declaring_more_than_a_blob_holds_is_refused()
    {
        var id = new BlobId(new byte[BlobId.Size]);
        var bytes = new byte[PackEntryCodec.Size];
        PackEntryCodec.Write(new PackEntry(id, BlobType.Data, true, 0, 100, 4_000_000_000), bytes);
        var tooLarge = Assert.Throws<RepositoryDamagedException>(() => PackEntryCodec.Read(bytes));
        PackEntryCodec.Write(new PackEntry(id, BlobType.Data, false, 0, 200_000, 100), bytes);
        var longerThanItsPlaintext = Assert.Throws<RepositoryDamagedException>(() => PackEntryCodec.Read(bytes));

        Assert.Contains("4000000000 plain bytes", tooLarge.Message);
        Assert.Contains("200000 stored", longerThanItsPlaintext.Message);
        PackEntryCodec.Write(new PackEntry(id, BlobType.Data, false, 0, 100 + AuthenticatedCipher.Overhead, 100), bytes);
        Assert.Equal(100u, PackEntryCodec.Read(bytes).RawLength);
    }

    private static async Task<string> NewRepositoryConfigAsync(string repo)
    {
        using (await TestRepository.InitAsync(new LocalDirectoryBackend(repo))) { }
        return Path.Combine(repo, "config");
    }

    /// <summary>A sealed file's plaintext: format byte 1 (zstd), then a zstd frame header whose content size is size.</summary>
    private static byte[] CompressedPayloadDeclaring(long size)
    {
        var payload = new byte[1 + 4 + 1 + 8 + 3];
        payload[0] = 1;
        BinaryPrimitives.WriteUInt32LittleEndian(payload.AsSpan(1), 0xFD2FB528);
        payload[5] = 0b1110_0000; // 8-byte content size, single segment
        BinaryPrimitives.WriteInt64LittleEndian(payload.AsSpan(6), size);
        payload[14] = 1; // last block, raw, empty
        return payload;
    }
}

using System.Security.Cryptography;
using Stowage.Mover.Engine.Backup;
using Stowage.Mover.Engine.Maintenance;
using Stowage.Mover.Engine.Restore;
using Stowage.Mover.Engine.Storage;
using Stowage.Mover.Engine.Tests.Support;

namespace Stowage.Mover.Engine.Tests.Repository;

public sealed class Version2CompatibilityTests
{
    [Fact]
    public async Task A_version_2_repository_restores_and_keeps_cutting_large_files_by_content_until_upgraded()
    {
        using var temp = new TempDirectory("format-v2");
        var repo = RepositoryFixtures.CopyVersion2(temp.Sub("repo"));
        using var repository = await TestRepository.OpenAsync(new LocalDirectoryBackend(repo));

        Assert.Equal(2, repository.FormatVersion);
        await AssertFixtureRestoresAsync(repository, temp.Sub("restored"));
        var source = temp.Sub("source");
        Directory.CreateDirectory(source);
        File.WriteAllBytes(Path.Combine(source, "large"), SampleTree.Bytes(new Random(4), 20 * 1024 * 1024));
        var before = await repository.BackupAsync(new BackupRequest { SourcePath = source });

        // Without blocks in its config, a 20 MiB file is about twenty content-defined chunks, not 640 blocks.
        Assert.InRange(before.Snapshot.Summary.BlobsNew, 6, 50);
        Assert.True((await repository.CheckAsync(new CheckOptions(ReadData: true))).IsHealthy);
    }

    [Fact]
    public async Task After_the_upgrade_large_files_go_in_blocks_and_the_version_2_snapshots_still_restore()
    {
        using var temp = new TempDirectory("format-v2-upgrade");
        var repo = RepositoryFixtures.CopyVersion2(temp.Sub("repo"));
        using (var repository = await TestRepository.OpenAsync(new LocalDirectoryBackend(repo)))
            Assert.Equal(2, await repository.UpgradeAsync(TestRepository.Secret));

        using var upgraded = await TestRepository.OpenAsync(new LocalDirectoryBackend(repo));
        Assert.Equal(3, upgraded.FormatVersion);
        await AssertFixtureRestoresAsync(upgraded, temp.Sub("restored"));
        var source = temp.Sub("source");
        Directory.CreateDirectory(source);
        File.WriteAllBytes(Path.Combine(source, "large"), SampleTree.Bytes(new Random(4), 20 * 1024 * 1024));
        var after = await upgraded.BackupAsync(new BackupRequest { SourcePath = source, Tags = new Dictionary<string, string> { ["app"] = "new" } });

        // 640 blocks of 32 KiB, one content list, the root tree.
        Assert.Equal(642, after.Snapshot.Summary.BlobsNew);
        await upgraded.RestoreAsync(new RestoreRequest { SnapshotId = after.Snapshot.Id, TargetPath = temp.Sub("restored-new") });
        TreeAssert.Identical(source, temp.Sub("restored-new"));
        Assert.True((await upgraded.CheckAsync(new CheckOptions(ReadData: true))).IsHealthy);
    }

    private static async Task AssertFixtureRestoresAsync(StowageRepository repository, string target)
    {
        var snapshot = (await repository.ListSnapshotsAsync()).Single(s => s.Tags.GetValueOrDefault("app") == "fixture");
        await repository.RestoreAsync(new RestoreRequest { SnapshotId = snapshot.Id, TargetPath = target });
        Assert.Equal(RepositoryFixtures.Version2Readme, File.ReadAllText(Path.Combine(target, "readme.txt")));
        Assert.Equal(RepositoryFixtures.Version2PagesSha256, Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(target, "base", "pages")))));
    }
}

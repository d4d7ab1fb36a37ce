using System.Text;
using Stowage.Mover.Engine.Backup;
using Stowage.Mover.Engine.Crypto;
using Stowage.Mover.Engine.Maintenance;
using Stowage.Mover.Engine.Restore;
using Stowage.Mover.Engine.Storage;
using Stowage.Mover.Engine.Tests.Support;

namespace Stowage.Mover.Engine.Tests.Repository;

public sealed class FormatUpgradeTests
{
    [Fact]
    public async Task A_version_1_repository_opens_restores_and_checks_clean()
    {
        using var temp = new TempDirectory("format-v1");
        var repo = RepositoryFixtures.CopyVersion1(temp.Sub("repo"));

        using var repository = await TestRepository.OpenAsync(new LocalDirectoryBackend(repo));
        await AssertFixtureContentAsync(repository, temp.Sub("restored"));

        Assert.Equal(1, repository.FormatVersion);
        Assert.True((await repository.CheckAsync(new CheckOptions(ReadData: true))).IsHealthy);
    }

    [Fact]
    public async Task Upgrade_makes_the_current_version_in_place_keeps_every_snapshot_and_a_second_run_changes_nothing()
    {
        using var temp = new TempDirectory("format-upgrade");
        var repo = RepositoryFixtures.CopyVersion1(temp.Sub("repo"));
        var before = await TestRepository.KeysAsync(new LocalDirectoryBackend(repo));

        using (var repository = await TestRepository.OpenAsync(new LocalDirectoryBackend(repo)))
        {
            Assert.Equal(1, await repository.UpgradeAsync(TestRepository.Secret));
            Assert.Equal(3, repository.FormatVersion);
        }
        var upgradedConfig = File.ReadAllBytes(Path.Combine(repo, "config"));
        var objects = await TestRepository.KeysAsync(new LocalDirectoryBackend(repo));
        using (var again = await TestRepository.OpenAsync(new LocalDirectoryBackend(repo)))
        {
            Assert.Equal(3, await again.UpgradeAsync(TestRepository.Secret));
            Assert.Equal(3, again.FormatVersion);
        }

        Assert.Equal(upgradedConfig, File.ReadAllBytes(Path.Combine(repo, "config")));
        Assert.Equal(objects, await TestRepository.KeysAsync(new LocalDirectoryBackend(repo)));
        // Only the config and the opening key's envelope (wrapped again, as a MAC-era envelope) were replaced.
        Assert.Equal(before.Where(k => !k.StartsWith("keys/")), objects.Where(k => !k.StartsWith("keys/")));
        Assert.NotEqual(before.Single(k => k.StartsWith("keys/")), objects.Single(k => k.StartsWith("keys/")));
        Assert.Contains("\"mac\":", Encoding.UTF8.GetString(upgradedConfig));
        Assert.Contains("\"format\":2", File.ReadAllText(Path.Combine(repo, objects.Single(k => k.StartsWith("keys/")))));
        using var upgraded = await TestRepository.OpenAsync(new LocalDirectoryBackend(repo));
        await AssertFixtureContentAsync(upgraded, temp.Sub("restored"));
        var source = temp.Sub("source");
        Directory.CreateDirectory(source);
        File.WriteAllText(Path.Combine(source, "after-upgrade.txt"), "written by version 3");
        await upgraded.BackupAsync(new BackupRequest { SourcePath = source });
        Assert.True((await upgraded.CheckAsync(new CheckOptions(ReadData: true))).IsHealthy);
    }

    [Fact]
    public async Task An_upgrade_whose_config_write_fails_leaves_a_version_1_repository_that_still_opens()
    {
        using var temp = new TempDirectory("format-upgrade-crash");
        var repo = RepositoryFixtures.CopyVersion1(temp.Sub("repo"));
        var config = File.ReadAllBytes(Path.Combine(repo, "config"));

        using (var repository = await TestRepository.OpenAsync(new FaultyBackend(new LocalDirectoryBackend(repo), writesBeforeCrash: 0)))
            await Assert.ThrowsAsync<IOException>(() => repository.UpgradeAsync(TestRepository.Secret));

        Assert.Equal(config, File.ReadAllBytes(Path.Combine(repo, "config")));
        using var reopened = await TestRepository.OpenAsync(new LocalDirectoryBackend(repo));
        Assert.Equal(1, reopened.FormatVersion);
    }

    [Fact]
    public async Task Once_upgraded_the_old_version_1_config_put_back_no_longer_opens()
    {
        using var temp = new TempDirectory("format-downgrade");
        var repo = RepositoryFixtures.CopyVersion1(temp.Sub("repo"));
        var version1 = File.ReadAllBytes(Path.Combine(repo, "config"));
        using (var repository = await TestRepository.OpenAsync(new LocalDirectoryBackend(repo)))
            await repository.UpgradeAsync(TestRepository.Secret);

        File.WriteAllBytes(Path.Combine(repo, "config"), version1);

        var error = await Assert.ThrowsAsync<RepositoryDamagedException>(() => TestRepository.OpenAsync(new LocalDirectoryBackend(repo)));
        Assert.Contains("repository config was modified or is corrupt", error.Message);
    }

    [Fact]
    public async Task A_key_added_to_a_version_1_repository_opens_it_before_and_after_the_upgrade()
    {
        using var temp = new TempDirectory("format-v1-key");
        var repo = RepositoryFixtures.CopyVersion1(temp.Sub("repo"));
        var added = RepositorySecret.FromPassword("a second password");
        using (var repository = await TestRepository.OpenAsync(new LocalDirectoryBackend(repo)))
            await repository.AddKeyAsync(added, "second", KeyEnvelope.MinIterations);

        using (var byAdded = await StowageRepository.OpenAsync(new LocalDirectoryBackend(repo), added))
        {
            Assert.Equal(1, byAdded.FormatVersion);
            await byAdded.UpgradeAsync(added);
        }

        using var first = await TestRepository.OpenAsync(new LocalDirectoryBackend(repo));
        using var second = await StowageRepository.OpenAsync(new LocalDirectoryBackend(repo), added);
        Assert.Equal((3, 3), (first.FormatVersion, second.FormatVersion));
    }

    [Fact]
    public async Task Upgrade_needs_the_secret_that_opened_the_repository()
    {
        using var temp = new TempDirectory("format-upgrade-secret");
        var repo = RepositoryFixtures.CopyVersion1(temp.Sub("repo"));
        using var repository = await TestRepository.OpenAsync(new LocalDirectoryBackend(repo));

        await Assert.ThrowsAsync<ArgumentException>(() => repository.UpgradeAsync(RepositorySecret.FromPassword("another password")));

        Assert.Equal(1, repository.FormatVersion);
    }

    [Fact]
    public async Task A_new_repository_is_version_3_with_large_file_blocks()
    {
        using var temp = new TempDirectory("format-new");
        using (var created = await TestRepository.InitAsync(new LocalDirectoryBackend(temp.Sub("repo"))))
            Assert.Equal(3, created.FormatVersion);

        using var reopened = await TestRepository.OpenAsync(new LocalDirectoryBackend(temp.Sub("repo")));
        Assert.Equal(3, reopened.FormatVersion);
        var config = File.ReadAllText(temp.Sub("repo/config"));
        Assert.StartsWith("{\"version\":3,\"config\":{", config);
        Assert.Contains("\"blockThreshold\":16777216,\"blockSize\":32768", config);
    }

    private static async Task AssertFixtureContentAsync(StowageRepository repository, string target)
    {
        var snapshot = (await repository.ListSnapshotsAsync()).Single();
        Assert.Equal("fixture", snapshot.Tags["app"]);
        await repository.RestoreAsync(new RestoreRequest { SnapshotId = snapshot.Id, TargetPath = target });
        foreach (var (path, text) in RepositoryFixtures.Version1Files) Assert.Equal(text, File.ReadAllText(Path.Combine(target, path)));
        Assert.Equal(RepositoryFixtures.Version1LinkTarget, new FileInfo(Path.Combine(target, RepositoryFixtures.Version1LinkName)).LinkTarget);
    }
}

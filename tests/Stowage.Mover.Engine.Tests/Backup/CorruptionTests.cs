using Stowage.Mover.Engine.Backup;
using Stowage.Mover.Engine.Crypto;
using Stowage.Mover.Engine.Maintenance;
using Stowage.Mover.Engine.Restore;
using Stowage.Mover.Engine.Storage;
using Stowage.Mover.Engine.Tests.Support;

namespace Stowage.Mover.Engine.Tests.Backup;

public sealed class CorruptionTests
{
    [Fact]
    public async Task Flipped_byte_in_a_pack_is_found_by_check_and_restore_names_the_file()
    {
        using var temp = new TempDirectory("corrupt");
        SampleTree.CreateVictim(temp.Sub("source"));
        using var repository = await TestRepository.InitAsync(new LocalDirectoryBackend(temp.Sub("repo")));
        var backup = await repository.BackupAsync(new BackupRequest { SourcePath = temp.Sub("source") });
        PackDamage.FlipByteInLargestPack(temp.Sub("repo"));
        var objectsBefore = await TestRepository.KeysAsync(new LocalDirectoryBackend(temp.Sub("repo")));

        var structural = await repository.CheckAsync();
        var full = await repository.CheckAsync(new CheckOptions(ReadData: true));
        var restore = await Assert.ThrowsAsync<RepositoryDamagedException>(() =>
            repository.RestoreAsync(new RestoreRequest { SnapshotId = backup.Snapshot.Id, TargetPath = temp.Sub("restored") }));

        Assert.True(structural.IsHealthy);
        Assert.False(full.IsHealthy);
        Assert.Contains(full.Errors, e => e.Contains("damaged", StringComparison.Ordinal));
        Assert.Contains("'victim.bin'", restore.Message, StringComparison.Ordinal);
        Assert.Equal(objectsBefore, await TestRepository.KeysAsync(new LocalDirectoryBackend(temp.Sub("repo"))));
    }

    [Fact]
    public async Task Wrong_password_fails_clearly_and_writes_nothing()
    {
        using var temp = new TempDirectory("password");
        using (await TestRepository.InitAsync(new LocalDirectoryBackend(temp.Sub("repo")))) { }
        var objectsBefore = await TestRepository.KeysAsync(new LocalDirectoryBackend(temp.Sub("repo")));

        var error = await Assert.ThrowsAsync<WrongPasswordException>(() =>
            StowageRepository.OpenAsync(new LocalDirectoryBackend(temp.Sub("repo")), RepositorySecret.FromPassword("not the password")));

        Assert.Contains("Wrong password", error.Message, StringComparison.Ordinal);
        Assert.Equal(objectsBefore, await TestRepository.KeysAsync(new LocalDirectoryBackend(temp.Sub("repo"))));
    }

    [Fact]
    public async Task Added_key_opens_the_repository_and_a_removed_key_no_longer_does()
    {
        using var temp = new TempDirectory("keys");
        var keyFile = SampleTree.Bytes(new Random(3), 64);
        string firstKey;
        using (var repository = await TestRepository.InitAsync(new LocalDirectoryBackend(temp.Sub("repo"))))
        {
            firstKey = repository.KeyId;
            await repository.AddKeyAsync(RepositorySecret.FromKeyFile(keyFile), "rotated");
        }
        using (var byKeyFile = await StowageRepository.OpenAsync(new LocalDirectoryBackend(temp.Sub("repo")), RepositorySecret.FromKeyFile(keyFile)))
        {
            Assert.Equal(2, (await byKeyFile.ListKeysAsync()).Count);
            await byKeyFile.RemoveKeyAsync(firstKey);
        }

        await Assert.ThrowsAsync<WrongPasswordException>(() => TestRepository.OpenAsync(new LocalDirectoryBackend(temp.Sub("repo"))));
    }
}

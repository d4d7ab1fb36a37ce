using Stowage.Mover.Engine.Backup;
using Stowage.Mover.Engine.Scratch;
using Stowage.Mover.Engine.Storage;
using Stowage.Mover.Engine.Tests.Support;

namespace Stowage.Mover.Engine.Tests.Scratch;

public sealed class ScratchFolderTests
{
    [Fact]
    public void A_sweep_removes_what_a_dead_owner_left_and_keeps_folders_in_use()
    {
        using var temp = new TempDirectory("scratch-sweep");
        var root = temp.Sub("scratch");
        using var live = ScratchFolder.Create(root, "run-live");
        File.WriteAllText(Path.Combine(live.Path, "pack-1"), "in use");
        // A killed process leaves its folder and owner file, but the kernel has dropped its lock.
        var dead = Directory.CreateDirectory(Path.Combine(root, "run-killed-0000")).FullName;
        File.WriteAllText(Path.Combine(dead, ".owner"), "");
        File.WriteAllText(Path.Combine(dead, "pack-2"), "left behind");
        Directory.SetLastWriteTimeUtc(live.Path, DateTime.UtcNow.AddMinutes(-1));
        Directory.SetLastWriteTimeUtc(dead, DateTime.UtcNow.AddMinutes(-1));

        Assert.Equal([dead], ScratchFolder.SweepStale(root));
        Assert.True(File.Exists(Path.Combine(live.Path, "pack-1")));

        live.Dispose();
        Assert.Empty(Directory.EnumerateFileSystemEntries(root));
    }

    [Fact]
    public async Task A_backup_leaves_no_temporary_files_whether_it_succeeds_or_fails()
    {
        using var temp = new TempDirectory("scratch-backup");
        SampleTree.Create(temp.Sub("source"));
        var root = temp.Sub("scratch");
        var tuning = new BackupTuning { SpillDirectory = root, PacksPerIndex = 1, Uploaders = 1 };
        using (var repository = await TestRepository.InitAsync(new LocalDirectoryBackend(temp.Sub("repo"))))
        {
            await repository.BackupAsync(new BackupRequest { SourcePath = temp.Sub("source"), Tuning = tuning });
        }
        Assert.Empty(Directory.EnumerateFileSystemEntries(root));

        Directory.Delete(temp.Sub("repo"), recursive: true);
        using (var repository = await TestRepository.InitAsync(new LocalDirectoryBackend(temp.Sub("repo")))) { }
        // Writes so far: config, key. Then the lock and the first pack; the second pack's upload fails.
        using (var crashing = await TestRepository.OpenAsync(new FaultyBackend(new LocalDirectoryBackend(temp.Sub("repo")), writesBeforeCrash: 4)))
        {
            await Assert.ThrowsAsync<IOException>(() => crashing.BackupAsync(new BackupRequest { SourcePath = temp.Sub("source"), Tuning = tuning }));
        }
        Assert.Empty(Directory.EnumerateFileSystemEntries(root));
    }
}

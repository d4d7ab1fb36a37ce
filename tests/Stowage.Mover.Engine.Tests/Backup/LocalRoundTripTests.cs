using System.Text;
using Stowage.Mover.Engine.Backup;
using Stowage.Mover.Engine.Restore;
using Stowage.Mover.Engine.Storage;
using Stowage.Mover.Engine.Tests.Support;

namespace Stowage.Mover.Engine.Tests.Backup;

public sealed class LocalRoundTripTests
{
    [Fact]
    public async Task Varied_tree_restores_byte_identical_from_a_local_repository()
    {
        using var temp = new TempDirectory("roundtrip");
        SampleTree.Create(temp.Sub("source"));
        using var repository = await TestRepository.InitAsync(new LocalDirectoryBackend(temp.Sub("repo")));
        var tags = new Dictionary<string, string> { ["application"] = "pg", ["volume"] = "data-0" };
        var progress = new List<BackupProgress>();

        var backup = await repository.BackupAsync(new BackupRequest { SourcePath = temp.Sub("source"), Tags = tags, ApplicationManifest = "{\"kind\":\"List\"}"u8.ToArray() },
            new SyncProgress(progress.Add));
        await repository.RestoreAsync(new RestoreRequest { SnapshotId = backup.Snapshot.Id, TargetPath = temp.Sub("restored") });

        TreeAssert.Identical(temp.Sub("source"), temp.Sub("restored"));
        Assert.Empty(backup.Warnings);
        Assert.True(progress[^1].ScanComplete);
        Assert.Equal(progress[^1].FilesTotal, progress[^1].FilesDone);
        var restoredLink = new FileInfo(Path.Combine(temp.Sub("restored"), "hardlink-to-note-002.txt"));
        Assert.Equal(2, (int)Stowage.Mover.Engine.FileSystem.UnixFileStatus.Get(restoredLink.FullName).Links);
        Assert.Equal("{\"kind\":\"List\"}", Encoding.UTF8.GetString((await repository.ReadApplicationManifestAsync(backup.Snapshot.Id))!));
    }

    [Fact]
    public async Task New_machine_finds_snapshots_by_tag_and_restores_a_sub_path()
    {
        using var temp = new TempDirectory("subpath");
        SampleTree.Create(temp.Sub("source"));
        using (var repository = await TestRepository.InitAsync(new LocalDirectoryBackend(temp.Sub("repo"))))
        {
            await repository.BackupAsync(new BackupRequest { SourcePath = temp.Sub("source"), Tags = new Dictionary<string, string> { ["application"] = "a" } });
            await repository.BackupAsync(new BackupRequest { SourcePath = temp.Sub("source"), Tags = new Dictionary<string, string> { ["application"] = "b" } });
        }

        using var fresh = await TestRepository.OpenAsync(new LocalDirectoryBackend(temp.Sub("repo")));
        var found = await fresh.ListSnapshotsAsync(new Dictionary<string, string> { ["application"] = "b" });
        await fresh.RestoreAsync(new RestoreRequest { SnapshotId = Assert.Single(found).Id, TargetPath = temp.Sub("restored"), SubPath = "deep/a" });

        Assert.Equal("leaf", File.ReadAllText(Path.Combine(temp.Sub("restored"), "a", "b", "c", "leaf.txt")));
        Assert.Single(Directory.GetFileSystemEntries(temp.Sub("restored")));
    }

    [Fact]
    public async Task Restore_over_longer_existing_files_leaves_exactly_the_snapshot()
    {
        using var temp = new TempDirectory("overwrite");
        SampleTree.Create(temp.Sub("source"));
        using var repository = await TestRepository.InitAsync(new LocalDirectoryBackend(temp.Sub("repo")));
        var backup = await repository.BackupAsync(new BackupRequest { SourcePath = temp.Sub("source") });
        await repository.RestoreAsync(new RestoreRequest { SnapshotId = backup.Snapshot.Id, TargetPath = temp.Sub("restored") });
        var grown = 0;
        foreach (var file in new DirectoryInfo(temp.Sub("restored")).EnumerateFiles("*", SearchOption.AllDirectories))
        {
            if (file.LinkTarget is not null || (file.UnixFileMode & UnixFileMode.UserWrite) == 0) continue;
            File.AppendAllText(file.FullName, "stale bytes a second restore must remove");
            grown++;
        }

        await repository.RestoreAsync(new RestoreRequest { SnapshotId = backup.Snapshot.Id, TargetPath = temp.Sub("restored") });

        Assert.True(grown > 10);
        TreeAssert.Identical(temp.Sub("source"), temp.Sub("restored"));
    }
}

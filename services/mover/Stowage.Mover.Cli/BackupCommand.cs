using System.CommandLine;
using Stowage.Mover.Engine.Backup;

namespace Stowage.Mover.Cli;

/// <summary>backup: one directory into a new snapshot.</summary>
internal static class BackupCommand
{
    public static Command Create()
    {
        var path = new Argument<DirectoryInfo>("path") { Description = "Directory to back up." };
        var tags = new Option<string[]>("--tag") { Description = "Tag the snapshot (key=value; repeatable)." };
        var parent = new Option<string?>("--parent") { Description = "Snapshot to compare with (default: newest with the same path and tags)." };
        var force = new Option<bool>("--force") { Description = "Read every file, ignoring the parent snapshot." };
        var manifest = new Option<FileInfo?>("--manifest") { Description = "Application manifest (JSON) to store beside the snapshot." };
        var limitUpload = new Option<long?>("--limit-upload") { Description = "Upload at most this many KiB per second (default: no limit)." };
        var command = new Command("backup", "Back up a directory.") { path, tags, parent, force, manifest, limitUpload, MachineOutput.ResultFile, MachineOutput.ProgressJson };
        foreach (var option in ChangedBlockOptions.All) command.Options.Add(option);
        command.SetRepositoryAction(async (parse, repository, cancellationToken) =>
        {
            var source = parse.GetValue(path)!.FullName;
            var (changes, client) = ChangedBlockOptions.Read(parse, source, parse.GetValue(parent));
            using var _ = client;
            var request = new BackupRequest
            {
                SourcePath = source,
                Tags = CommandRunner.ParseTags(parse.GetValue(tags)),
                ParentSnapshotId = parse.GetValue(parent),
                ChangedBlocks = changes,
                ForceFullRead = parse.GetValue(force),
                ApplicationManifest = parse.GetValue(manifest) is { } file ? File.ReadAllBytes(file.FullName) : null,
                Tuning = new BackupTuning { UploadBytesPerSecond = parse.GetValue(limitUpload) is > 0 and var kib ? kib * 1024 : null },
            };
            var result = await repository.BackupAsync(request, MachineOutput.Progress(parse, "backup"), cancellationToken);
            ProgressLine.Clear();
            foreach (var warning in result.Warnings) Console.Error.WriteLine($"warning: {warning}");
            MachineOutput.WriteResult(parse, BackupOutcome.Of(result), CompactJsonContext.Default.BackupOutcome);
            var s = result.Snapshot.Summary;
            if (parse.GetValue(GlobalOptions.Json)) JsonOutput.Write(result.Snapshot, CliJsonContext.Default.SnapshotInfo);
            else
                Console.Out.WriteLine($"snapshot {result.Snapshot.ShortId} saved: {s.Files} files ({s.FilesUnchanged} unchanged), {ProgressLine.Size(s.Bytes)}, " +
                    $"{s.BlobsNew} new / {s.BlobsDeduplicated} known chunks, {ProgressLine.Size(s.BytesUploaded)} uploaded in {s.DurationSeconds:F1} s");
            return ExitCodes.Ok;
        });
        return command;
    }
}

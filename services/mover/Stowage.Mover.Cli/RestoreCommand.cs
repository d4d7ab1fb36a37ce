using System.CommandLine;
using Stowage.Mover.Engine.Restore;

namespace Stowage.Mover.Cli;

/// <summary>restore: a snapshot or a path inside it, into a directory.</summary>
internal static class RestoreCommand
{
    public static Command Create()
    {
        var snapshot = new Argument<string>("snapshot") { Description = "Snapshot id, prefix or 'latest'." };
        var target = new Option<DirectoryInfo>("--target", "-t") { Description = "Directory to restore into.", Required = true };
        var subPath = new Option<string?>("--path") { Description = "Only this path inside the snapshot (restored as target/<last segment>)." };
        var keepSetuid = new Option<bool>("--keep-setuid") { Description = "Keep setuid and setgid bits as the snapshot holds them (dropped by default: a repository is untrusted input)." };
        var command = new Command("restore", "Restore a snapshot, verifying every chunk. Nothing outside the target is ever written or followed.") { snapshot, target, subPath, keepSetuid, MachineOutput.ResultFile, MachineOutput.ProgressJson };
        command.SetRepositoryAction(async (parse, repository, cancellationToken) =>
        {
            var started = DateTimeOffset.UtcNow;
            CommandRunner.LimitHeap(repository.MemoryBudget.HeapLimit(restore: true));
            var result = await repository.RestoreAsync(new RestoreRequest
            {
                SnapshotId = parse.GetValue(snapshot)!,
                TargetPath = parse.GetValue(target)!.FullName,
                SubPath = parse.GetValue(subPath),
                KeepSetIdBits = parse.GetValue(keepSetuid),
            }, MachineOutput.Progress(parse, "restore"), cancellationToken);
            ProgressLine.Clear();
            foreach (var warning in result.Warnings) Console.Error.WriteLine($"warning: {warning}");
            MachineOutput.WriteResult(parse, result, CompactJsonContext.Default.RestoreResult);
            Console.Out.WriteLine($"restored {result.Files} files, {result.Directories} directories, {ProgressLine.Size(result.Bytes)} in {(DateTimeOffset.UtcNow - started).TotalSeconds:F1} s");
            return ExitCodes.Ok;
        });
        return command;
    }
}

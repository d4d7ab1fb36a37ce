using System.CommandLine;
using Stowage.Mover.Engine;
using Stowage.Mover.Engine.Chunking;
using Stowage.Mover.Engine.Maintenance;
using Stowage.Mover.Engine.Repository;

namespace Stowage.Mover.Cli;

/// <summary>init, snapshots, check, stats and manifest.</summary>
internal static class RepositoryCommands
{
    public static Command Init()
    {
        var level = new Option<int?>("--compression-level") { Description = "zstd level for compressible data, 1 (fastest) to 19 (default 1)." };
        var blockSize = new Option<int?>("--block-size")
        {
            Description = $"Bytes per fixed block of files of {BlockParameters.Default.Threshold / (1024 * 1024)} MiB or more, a power of two from {BlockParameters.MinSize} to {BlockParameters.MaxSize} "
                + $"(default {BlockParameters.Default.Size}); 0 cuts every file by content. Smaller blocks make in-place page writes cheaper and the index larger.",
        };
        var command = new Command("init", "Create a repository with a new random master key.") { level, blockSize };
        command.SetAction((parse, cancellationToken) => CommandRunner.GuardAsync(async () =>
        {
            var options = new RepositoryInitOptions();
            if (parse.GetValue(level) is { } chosen)
            {
                if (chosen is < RepositoryInitOptions.MinCompressionLevel or > RepositoryInitOptions.MaxCompressionLevel)
                    throw new UsageException($"--compression-level must be {RepositoryInitOptions.MinCompressionLevel} to {RepositoryInitOptions.MaxCompressionLevel}, not {chosen}.");
                options = options with { CompressionLevel = chosen };
            }
            if (parse.GetValue(blockSize) is { } size)
            {
                var blocks = size == 0 ? null : BlockParameters.Default with { Size = size };
                if (blocks?.FindProblem() is { } problem) throw new UsageException($"--block-size: {problem}.");
                options = options with { Blocks = blocks };
            }
            using var repository = await StowageRepository.InitAsync(CommandRunner.OpenBackend(parse), CommandRunner.ReadSecret(parse), options, cancellationToken);
            Console.Out.WriteLine($"created repository {repository.Id}");
            return ExitCodes.Ok;
        }));
        return command;
    }

    public static Command Snapshots()
    {
        var tags = new Option<string[]>("--tag") { Description = "Only snapshots with this tag (key=value; repeatable)." };
        var command = new Command("snapshots", "List snapshots, oldest first.") { tags };
        command.SetRepositoryAction(async (parse, repository, cancellationToken) =>
        {
            var snapshots = await repository.ListSnapshotsAsync(CommandRunner.ParseTags(parse.GetValue(tags)), cancellationToken);
            if (parse.GetValue(GlobalOptions.Json)) JsonOutput.Write(snapshots, CliJsonContext.Default.IReadOnlyListSnapshotInfo);
            else
                foreach (var s in snapshots)
                    Console.Out.WriteLine($"{s.ShortId}  {s.Time:yyyy-MM-dd HH:mm:ss}  {s.Hostname}  {s.Path}  {ProgressLine.Size(s.Summary.Bytes)}  {string.Join(',', s.Tags.Select(t => $"{t.Key}={t.Value}"))}");
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command Check()
    {
        var readData = new Option<bool>("--read-data") { Description = "Also download and verify every pack." };
        var command = new Command("check", "Verify the repository (exit code 4 when damaged).") { readData };
        command.SetRepositoryAction(async (parse, repository, cancellationToken) =>
        {
            var result = await repository.CheckAsync(new CheckOptions(parse.GetValue(readData)), cancellationToken);
            foreach (var warning in result.Warnings) Console.Error.WriteLine($"warning: {warning}");
            foreach (var error in result.Errors) Console.Error.WriteLine($"error: {error}");
            Console.Out.WriteLine($"{result.Snapshots} snapshots, {result.Packs} packs, {result.Blobs} blobs: {(result.IsHealthy ? "no errors" : $"{result.Errors.Count} error(s)")}");
            return result.IsHealthy ? ExitCodes.Ok : ExitCodes.RepositoryDamaged;
        });
        return command;
    }

    public static Command Stats()
    {
        var command = new Command("stats", "Show repository size figures.");
        command.SetRepositoryAction(async (parse, repository, cancellationToken) =>
        {
            var stats = await repository.GetStatsAsync(cancellationToken);
            if (parse.GetValue(GlobalOptions.Json)) JsonOutput.Write(stats, CliJsonContext.Default.RepositoryStats);
            else
                Console.Out.WriteLine($"snapshots {stats.Snapshots}, packs {stats.Packs}, stored {ProgressLine.Size(stats.StoredBytes)}, " +
                    $"data blobs {stats.DataBlobs}, tree blobs {stats.TreeBlobs}, raw {ProgressLine.Size(stats.RawBytes)}, ratio {stats.CompressionRatio:F2}");
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command Manifest()
    {
        var snapshot = new Argument<string>("snapshot") { Description = "Snapshot id, prefix or 'latest'." };
        var file = new Option<FileInfo?>("--write") { Description = "Store this file as the snapshot's application manifest instead of printing it." };
        var command = new Command("manifest", "Print (or store) the application manifest kept beside a snapshot.") { snapshot, file };
        command.SetRepositoryAction(async (parse, repository, cancellationToken) =>
        {
            if (parse.GetValue(file) is { } input)
            {
                await repository.WriteApplicationManifestAsync(parse.GetValue(snapshot)!, File.ReadAllBytes(input.FullName), cancellationToken);
                return ExitCodes.Ok;
            }
            var manifest = await repository.ReadApplicationManifestAsync(parse.GetValue(snapshot)!, cancellationToken);
            if (manifest is null) throw new ArgumentException("The snapshot has no application manifest.");
            await Console.OpenStandardOutput().WriteAsync(manifest, cancellationToken);
            return ExitCodes.Ok;
        });
        return command;
    }
}

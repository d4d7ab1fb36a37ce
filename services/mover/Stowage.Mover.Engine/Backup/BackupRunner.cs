using Stowage.Mover.Engine.Scratch;
using System.Diagnostics;
using System.Text.Json;
using System.Threading.Channels;
using Stowage.Mover.Engine.FileSystem;
using Stowage.Mover.Engine.Repository;
using Stowage.Mover.Engine.Snapshots;
using Stowage.Mover.Engine.Telemetry;

namespace Stowage.Mover.Engine.Backup;

/// <summary>Runs one backup: lock, load the index, walk/read/seal/upload in parallel, then write index and snapshot.</summary>
internal static class BackupRunner
{
    public static Task<BackupResult> RunAsync(RepositoryStore store, BackupRequest request, IProgress<BackupProgress>? progress, CancellationToken cancellationToken) =>
        EngineTelemetry.TraceAsync("stowage.mover.backup", async activity =>
        {
            try
            {
                return await BackupAsync(store, request, progress, activity, cancellationToken);
            }
            finally
            {
                // Prefetches of the parent's trees may outlive a failed walk (its failure cancelled them).
                await store.WhenTreeLoadsIdleAsync();
            }
        });

    private static async Task<BackupResult> BackupAsync(RepositoryStore store, BackupRequest request, IProgress<BackupProgress>? progress, Activity? activity, CancellationToken cancellationToken)
    {
        var source = Path.GetFullPath(request.SourcePath);
        var rootStatus = UnixFileStatus.Get(source);
        if (!rootStatus.IsDirectory) throw new ArgumentException($"'{source}' is not a directory.");
        return await RepositoryLock.HoldAsync(store, LockFile.Backup,
            (held, token) => BackupLockedAsync(store, request, progress, activity, source, rootStatus, held.Key, token), cancellationToken);
    }

    private static async Task<BackupResult> BackupLockedAsync(RepositoryStore store, BackupRequest request, IProgress<BackupProgress>? progress,
        Activity? activity, string source, UnixFileStatus rootStatus, string lockKey, CancellationToken cancellationToken)
    {
        var time = request.Time ?? DateTimeOffset.UtcNow;
        // Listing snapshots does not depend on the index, so it overlaps the prune check and the index load.
        var snapshots = store.LoadSnapshotsAsync(cancellationToken);
        await PruneGate.WaitForPrunesAsync(store, lockKey, request.Tuning.PruneWait, cancellationToken);
        await store.LoadIndexAsync(cancellationToken);
        var listed = await snapshots;
        var hasBase = request.ChangedBlocks is { BaseSnapshotId: { } wanted } && listed.Exists(s => s.Id.ToString() == wanted);
        var (parentId, parentTree) = await ParentSelector.FindAsync(store, WithChangedBlocksBase(request, hasBase), source, listed, cancellationToken);

        ThreadPoolSizing.EnsureWorkers(request.Tuning.FileReaders + request.Tuning.Sealers + request.Tuning.Uploaders + 4);
        var counters = new BackupCounters();
        var warnings = new List<string>();
        var changes = ChangedBlocksFor(store, request, source, hasBase && parentId is not null, warnings);
        using var failure = new PipelineFailure(cancellationToken);
        var rootNode = TreeNodeFactory.Create("", TreeNode.Directory, rootStatus);
        BlobId treeId;
        await using (var ticker = new ProgressTicker(counters.ToProgress, progress))
        {
            using var stopScanner = CancellationTokenSource.CreateLinkedTokenSource(failure.Token);
            // The scan only feeds progress totals; without a listener it would be a second pass over every file.
            var scanner = progress is null ? Task.CompletedTask : Task.Run(() => SourceScanner.Scan(source, counters, stopScanner.Token));
            using var scratch = ScratchFolder.Create(request.Tuning.SpillDirectory ?? ScratchFolder.DefaultRoot, "backup");
            var saver = new BlobSaver(store, counters, request.Tuning, scratch.Path, failure);
            var files = Channel.CreateBounded<List<FileJob>>(new BoundedChannelOptions(4) { SingleWriter = true });
            var batcher = new FileBatcher(files.Writer);
            var walker = new TreeWalker(store, saver, counters, batcher, warnings, changes);
            var readers = Enumerable.Range(0, Math.Max(1, request.Tuning.FileReaders))
                .Select(_ => failure.Run(() => ReadFilesAsync(store, saver, counters, walker, changes, files.Reader, failure.Token))).ToArray();
            try
            {
                await failure.Run(async () =>
                {
                    await walker.WalkAsync(new DirectoryJob(source, rootNode, null, 0), parentTree, failure.Token);
                    await batcher.FlushAsync(failure.Token);
                });
                files.Writer.Complete();
                await Task.WhenAll(readers);
                treeId = await walker.RootTree.Task;
                await saver.CompleteAsync(failure.Token);
            }
            catch (Exception e)
            {
                failure.Fail(e);
                files.Writer.TryComplete();
                await PipelineFailure.WhenEndedAsync(readers);
                await saver.AbortAsync(e);
                failure.ThrowIfFailed();
                throw;
            }
            finally
            {
                await stopScanner.CancelAsync();
                await scanner;
            }
        }
        var summary = new SnapshotSummary(counters.Files, counters.Directories, counters.BytesDone, counters.FilesUnchanged,
            counters.BlobsNew, counters.BlobsDeduplicated, counters.BytesUploaded, (DateTimeOffset.UtcNow - time).TotalSeconds);
        var snapshot = new SnapshotFile(time, request.Hostname, source, new Dictionary<string, string>(request.Tags), parentId?.ToString(),
            treeId.ToString(), rootNode, summary);
        var snapshotId = await store.WriteSealedFileAsync("snapshot", RepositoryLayout.SnapshotsPrefix,
            JsonSerializer.SerializeToUtf8Bytes(snapshot, EngineJsonContext.Default.SnapshotFile), cancellationToken);
        if (request.ApplicationManifest is { } manifest) await ApplicationManifestStore.WriteAsync(store, snapshotId, manifest, cancellationToken);
        EngineTelemetry.Duration.Record(summary.DurationSeconds, new KeyValuePair<string, object?>("operation", "backup"));
        activity?.SetTag("stowage.snapshot", snapshotId.ToString());
        activity?.SetTag("stowage.files", summary.Files);
        activity?.SetTag("stowage.bytes", summary.Bytes);
        activity?.SetTag("stowage.bytes_uploaded", summary.BytesUploaded);
        if (store.Budget.Describe(store.Index.ApproximateBytes, restore: false) is { } traded) warnings.Add(traded);
        return new BackupResult(RepositoryStore.ToInfo(snapshotId, snapshot), warnings) { BytesRead = counters.BytesRead };
    }

    /// <summary>Changed ranges are true against their base only, so the base is the parent.</summary>
    private static BackupRequest WithChangedBlocksBase(BackupRequest request, bool hasBase)
    {
        if (request.ChangedBlocks is not { BaseSnapshotId: not null } changes || request.ForceFullRead || !hasBase) return request;
        if (request.ParentSnapshotId is { } parent && parent != changes.BaseSnapshotId)
            throw new ArgumentException($"The parent '{parent}' is not the changed blocks' base '{changes.BaseSnapshotId}'.");
        return request with { ParentSnapshotId = changes.BaseSnapshotId };
    }

    private static ChangedBlockSource? ChangedBlocksFor(RepositoryStore store, BackupRequest request, string source, bool baseIsParent, List<string> warnings)
    {
        if (request.ChangedBlocks is not { } changes || request.ForceFullRead) return null;
        if (changes.BaseSnapshotId is not null && !baseIsParent)
        {
            warnings.Add($"Changed-block tracking not used: the base snapshot '{changes.BaseSnapshotId}' is not in the repository (by its whole id); '{changes.Path}' was read in full.");
            return null;
        }
        return new ChangedBlockSource(changes, source, store.Trees, message => { lock (warnings) warnings.Add(message); });
    }

    private static async Task ReadFilesAsync(RepositoryStore store, BlobSaver saver, BackupCounters counters, TreeWalker walker,
        ChangedBlockSource? changes, ChannelReader<List<FileJob>> files, CancellationToken cancellationToken)
    {
        var chunker = new FileChunker(store.Keys, saver, counters, changes);
        await foreach (var batch in files.ReadAllAsync(cancellationToken))
        {
            foreach (var job in batch) await ReadFileAsync(chunker, counters, walker, job, cancellationToken);
        }
    }

    private static async Task ReadFileAsync(FileChunker chunker, BackupCounters counters, TreeWalker walker, FileJob job, CancellationToken cancellationToken)
    {
        var node = job.Node;
        try
        {
            await chunker.ChunkAsync(job, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            walker.Warn($"Cannot read '{job.Path}': {e.Message}");
            node = null;
        }
        Interlocked.Increment(ref counters.FilesDone);
        await walker.FinishEntryAsync(job.Directory, job.Slot, node, cancellationToken);
    }
}

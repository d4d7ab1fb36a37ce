using System.Diagnostics;
using Stowage.Mover.Engine.Backup;
using Stowage.Mover.Engine.Repository;
using Stowage.Mover.Engine.Snapshots;
using Stowage.Mover.Engine.Telemetry;

namespace Stowage.Mover.Engine.Restore;

/// <summary>Restores a snapshot or a sub-path in batches: plan, read each needed pack once per batch, verify every blob, write, then set metadata.</summary>
internal static class RestoreRunner
{
    public static Task<RestoreResult> RunAsync(RepositoryStore store, RestoreRequest request, IProgress<BackupProgress>? progress, CancellationToken cancellationToken) =>
        EngineTelemetry.TraceAsync("stowage.mover.restore", async activity =>
        {
            // A restore that stops early leaves tree prefetches behind: they are cancelled and waited for.
            using var walk = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            try
            {
                return await RestoreAsync(store, request, progress, activity, walk.Token);
            }
            finally
            {
                await walk.CancelAsync();
                await store.WhenTreeLoadsIdleAsync();
            }
        });

    private static async Task<RestoreResult> RestoreAsync(RepositoryStore store, RestoreRequest request, IProgress<BackupProgress>? progress, Activity? activity, CancellationToken cancellationToken)
    {
        var started = DateTimeOffset.UtcNow;
        ThreadPoolSizing.EnsureWorkers(request.PackReaders + 4);
        var indexLoad = store.LoadLookupIndexAsync(cancellationToken);
        var snapshotLookup = store.FindSnapshotAsync(request.SnapshotId, cancellationToken);
        await Task.WhenAll(indexLoad, snapshotLookup);
        var (snapshotId, snapshot) = await snapshotLookup;
        activity?.SetTag("stowage.snapshot", snapshotId.ToString());
        var target = Path.GetFullPath(request.TargetPath);
        Directory.CreateDirectory(target);

        var budget = store.Budget;
        var batchFiles = request.BatchFiles is > 0 and var files ? files : MemoryBudget.DefaultRestoreBatchFiles;
        var batchBytes = request.BatchBytes is > 0 and var bytes ? bytes : budget.RestoreBatchBytes(store.Index.ApproximateBytes);
        var counters = new BackupCounters();
        using var restoreTarget = RestoreTarget.Open(target, request.WithoutOpenat2);
        var output = new RestoreOutput(restoreTarget, new MetadataApplier(restoreTarget, request.KeepSetIdBits));
        var writer = new RestoreBatchWriter(store, output, request.PackReaders, counters, cancellationToken);
        var planner = new RestorePlanner(store, restoreTarget, batchFiles, batchBytes, writer.WriteAsync);
        var (start, wholeSnapshot) = await SubPathResolver.ResolveAsync(store, snapshot, request.SubPath, cancellationToken);
        await using (new ProgressTicker(counters.ToProgress, progress))
        {
            await (wholeSnapshot ? planner.AddRootAsync(start, cancellationToken) : planner.AddAsync(start, cancellationToken));
            await planner.FlushAsync();
            counters.ScanComplete = true;
        }
        activity?.SetTag("stowage.files", writer.Files);
        activity?.SetTag("stowage.bytes", writer.Bytes);
        activity?.SetTag("stowage.restore_batches", writer.Batches);
        activity?.SetTag("stowage.restore_walks_components", restoreTarget.WalksComponents);
        var warnings = new List<string>();
        if (output.Metadata.SetIdBitsDropped > 0)
            warnings.Add($"{output.Metadata.SetIdBitsDropped} entries lost their setuid or setgid bit (a repository is untrusted input); restore with setuid bits kept (--keep-setuid) if you trust it.");
        if (budget.Describe(store.Index.ApproximateBytes, restore: true) is { } traded) warnings.Add(traded);
        EngineTelemetry.Duration.Record((DateTimeOffset.UtcNow - started).TotalSeconds, new KeyValuePair<string, object?>("operation", "restore"));
        return new RestoreResult(writer.Files, writer.Directories, writer.Bytes, warnings, writer.Batches);
    }
}

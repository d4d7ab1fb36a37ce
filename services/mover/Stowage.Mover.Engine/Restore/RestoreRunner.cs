using System.Collections.Concurrent;
using System.Diagnostics;
using Stowage.Mover.Engine.Backup;
using Stowage.Mover.Engine.FileSystem;
using Stowage.Mover.Engine.Repository;
using Stowage.Mover.Engine.Snapshots;
using Stowage.Mover.Engine.Telemetry;

namespace Stowage.Mover.Engine.Restore;

/// <summary>Restores a snapshot or a sub-path: plan, read each needed pack once, verify every blob, write, then set metadata.</summary>
internal static class RestoreRunner
{
    public static Task<RestoreResult> RunAsync(RepositoryStore store, RestoreRequest request, IProgress<BackupProgress>? progress, CancellationToken cancellationToken) =>
        EngineTelemetry.TraceAsync("stowage.mover.restore", activity => RestoreAsync(store, request, progress, activity, cancellationToken));

    private static async Task<RestoreResult> RestoreAsync(RepositoryStore store, RestoreRequest request, IProgress<BackupProgress>? progress, Activity? activity, CancellationToken cancellationToken)
    {
        var started = DateTimeOffset.UtcNow;
        ThreadPoolSizing.EnsureWorkers(request.PackReaders + 4);
        var indexLoad = store.LoadIndexAsync(cancellationToken);
        var snapshotLookup = store.FindSnapshotAsync(request.SnapshotId, cancellationToken);
        await Task.WhenAll(indexLoad, snapshotLookup);
        var (snapshotId, snapshot) = await snapshotLookup;
        activity?.SetTag("stowage.snapshot", snapshotId.ToString());
        var target = Path.GetFullPath(request.TargetPath);
        Directory.CreateDirectory(target);

        var plan = new RestorePlan();
        var planner = new RestorePlanner(store, plan);
        var (start, display) = await SubPathResolver.ResolveAsync(store, snapshot, request.SubPath, cancellationToken);
        var startPath = request.SubPath is null ? target : Path.Join(target, start.Name);
        await planner.AddAsync(start, startPath, display, cancellationToken);

        activity?.SetTag("stowage.files", (long)(plan.Files.Count + plan.HardLinks.Count));
        activity?.SetTag("stowage.bytes", plan.Bytes);
        var counters = new BackupCounters { FilesTotal = plan.Files.Count, BytesTotal = plan.Bytes, ScanComplete = true };
        var failures = new ConcurrentDictionary<string, string>();
        await using (new ProgressTicker(counters.ToProgress, progress))
        {
            var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, request.PackReaders), CancellationToken = cancellationToken };
            // Largest first, so the last packs to finish are small ones and no reader is left alone at the end.
            var packs = plan.Packs.OrderByDescending(p => p.Value.Values.Sum(b => (long)b.Entry.Length));
            await Parallel.ForEachAsync(packs, options, async (pack, ct) =>
                await PackRestorer.RestoreAsync(store, pack.Key, pack.Value, counters, failures, ct));
        }
        if (!failures.IsEmpty)
        {
            var files = failures.Keys.Order(StringComparer.Ordinal).ToList();
            throw new RepositoryDamagedException(
                $"Restore failed for {files.Count} file(s): {string.Join(", ", files.Take(10).Select(f => $"'{f}'"))}{(files.Count > 10 ? ", ..." : "")}. " +
                $"Cause: {failures.Values.First()}");
        }
        foreach (var (existing, link) in plan.HardLinks) UnixFileMetadata.CreateHardLink(existing, link.Path);
        MetadataApplier.Apply(plan);
        EngineTelemetry.Duration.Record((DateTimeOffset.UtcNow - started).TotalSeconds, new KeyValuePair<string, object?>("operation", "restore"));
        return new RestoreResult(plan.Files.Count + plan.HardLinks.Count, plan.Directories.Count, plan.Bytes, []);
    }
}

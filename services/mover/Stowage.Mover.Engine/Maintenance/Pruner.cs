using Stowage.Mover.Engine.Indexing;
using Stowage.Mover.Engine.Packs;
using Stowage.Mover.Engine.Repository;
using Stowage.Mover.Engine.Snapshots;
using Stowage.Mover.Engine.Telemetry;

namespace Stowage.Mover.Engine.Maintenance;

/// <summary>
/// Removes data no snapshot references. Order matters for crash safety: new packs, then the new index, then
/// old index files, then old packs; an interruption at any point leaves only unreferenced leftovers.
/// </summary>
internal static class Pruner
{
    // An index file is read whole: a bound on its entries (46 bytes each) bounds what loading it costs.
    private const int PacksPerIndexFile = 2000;
    private const int EntriesPerIndexFile = 100_000;

    public static Task<PruneResult> RunAsync(RepositoryStore store, PruneOptions options, CancellationToken cancellationToken) =>
        EngineTelemetry.TraceAsync("stowage.mover.prune", _ => RepositoryLock.HoldAsync(store, LockFile.Prune,
            (held, token) => PruneAsync(store, options, held.Key, token), cancellationToken));

    private static async Task<PruneResult> PruneAsync(RepositoryStore store, PruneOptions options, string lockKey, CancellationToken cancellationToken)
    {
        var backups = await LiveLocks.FindAsync(store, LockFile.Backup, lockKey, cancellationToken);
        if (backups.Count > 0)
            return new PruneResult(true, 0, 0, 0, 0, $"A backup is running (since {backups.Min(b => b.Started):u}); nothing was deleted. Run prune again later.");

        await store.LoadIndexAsync(cancellationToken);
        var oldIndexFiles = store.Index.IndexFiles.ToList();
        var snapshots = await store.LoadSnapshotsAsync(cancellationToken);
        var problems = new List<string>();
        var used = await ReachableBlobs.CollectAsync(store, snapshots, problems.Add, cancellationToken);
        if (problems.Count > 0)
            throw new RepositoryDamagedException($"Prune stopped, the repository is damaged: {problems[0]}");

        // Kept packs go into new index files a batch at a time, so prune never holds every pack's entries at once.
        var kept = new List<PackDescriptor>();
        var keptIds = new HashSet<BlobId>();
        var deletePacks = new List<(BlobId Id, long Size)>();
        var repackBlobs = new List<(BlobId Pack, PackEntry Entry)>();
        var blobsRemoved = 0;
        foreach (var pack in store.Index.EnumeratePacks())
        {
            var live = pack.Entries.Where(e => used.Contains(e.Id) && store.Index.TryFind(e.Id, out var home, out _) && home == pack.PackId).ToList();
            var unusedBytes = pack.Entries.Except(live).Sum(e => (long)e.Length);
            if (live.Count == pack.Entries.Count || (live.Count > 0 && unusedBytes < pack.Size * options.RepackUnusedFraction))
            {
                kept.Add(pack);
                keptIds.Add(pack.PackId);
                if (IsFull(kept)) await WriteIndexAsync(store, kept, cancellationToken);
            }
            else
            {
                deletePacks.Add((pack.PackId, pack.Size));
                repackBlobs.AddRange(live.Select(e => (pack.PackId, e)));
                blobsRemoved += pack.Entries.Count - live.Count;
            }
        }
        var written = await PackRewriter.RewriteAsync(store, repackBlobs, options.SpillDirectory, cancellationToken);
        foreach (var pack in written)
        {
            kept.Add(pack);
            keptIds.Add(pack.PackId);
            if (IsFull(kept)) await WriteIndexAsync(store, kept, cancellationToken);
        }
        if (kept.Count > 0) await WriteIndexAsync(store, kept, cancellationToken);
        foreach (var index in oldIndexFiles) await store.Backend.DeleteAsync(RepositoryLayout.Index(index), cancellationToken);

        long freed = 0;
        foreach (var (packId, size) in deletePacks)
        {
            await store.Backend.DeleteAsync(RepositoryLayout.Pack(packId), cancellationToken);
            freed += size;
        }
        var indexed = keptIds.Concat(deletePacks.Select(p => p.Id)).ToHashSet();
        var orphans = 0;
        await foreach (var item in store.Backend.ListAsync(RepositoryLayout.DataPrefix, cancellationToken))
        {
            if (BlobId.TryParse(RepositoryLayout.NameOf(item.Key), out var id) && !indexed.Contains(id)
                && DateTimeOffset.UtcNow - item.LastModified >= options.UnindexedGrace)
            {
                await store.Backend.DeleteAsync(item.Key, cancellationToken);
                freed += item.Size;
                orphans++;
            }
        }
        await store.LoadIndexAsync(cancellationToken);
        return new PruneResult(false, deletePacks.Count + orphans, written.Count, blobsRemoved, freed,
            $"Deleted {deletePacks.Count + orphans} pack(s), wrote {written.Count}, removed {blobsRemoved} unused blob(s).");
    }

    private static bool IsFull(List<PackDescriptor> packs) =>
        packs.Count >= PacksPerIndexFile || packs.Sum(p => p.Entries.Count) >= EntriesPerIndexFile;

    private static async Task WriteIndexAsync(RepositoryStore store, List<PackDescriptor> packs, CancellationToken cancellationToken)
    {
        await store.WriteSealedFileAsync("index", RepositoryLayout.IndexPrefix, IndexFileCodec.Write(packs), cancellationToken);
        packs.Clear();
    }
}

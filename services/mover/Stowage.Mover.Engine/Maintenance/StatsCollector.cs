using Stowage.Mover.Engine.Repository;

namespace Stowage.Mover.Engine.Maintenance;

/// <summary>Computes repository size figures from the index and snapshot list.</summary>
internal static class StatsCollector
{
    public static async Task<RepositoryStats> RunAsync(RepositoryStore store, CancellationToken cancellationToken)
    {
        await store.LoadIndexAsync(cancellationToken);
        var snapshots = await store.LoadSnapshotsAsync(cancellationToken);
        long stored = 0, raw = 0, data = 0, trees = 0;
        var packs = 0;
        foreach (var pack in store.Index.EnumeratePacks())
        {
            packs++;
            stored += pack.Size;
            foreach (var entry in pack.Entries)
            {
                raw += entry.RawLength;
                if (entry.Type == BlobType.Data) data++;
                else trees++;
            }
        }
        var latest = snapshots.Count > 0 ? snapshots[^1].Snapshot.Summary.Bytes : 0;
        return new RepositoryStats(snapshots.Count, packs, stored, data, trees, raw, latest);
    }
}

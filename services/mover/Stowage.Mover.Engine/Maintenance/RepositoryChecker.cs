using Stowage.Mover.Engine.Packs;
using Stowage.Mover.Engine.Repository;
using Stowage.Mover.Engine.Telemetry;

namespace Stowage.Mover.Engine.Maintenance;

/// <summary>Verifies index, packs, snapshots and trees; with ReadData also every pack's bytes and every blob.</summary>
internal static class RepositoryChecker
{
    public static Task<CheckResult> RunAsync(RepositoryStore store, CheckOptions options, CancellationToken cancellationToken) =>
        EngineTelemetry.TraceAsync("stowage.mover.check", _ => CheckAsync(store, options, cancellationToken));

    private static async Task<CheckResult> CheckAsync(RepositoryStore store, CheckOptions options, CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        var warnings = new List<string>();
        void Error(string message) { lock (errors) errors.Add(message); }

        try
        {
            await store.LoadIndexAsync(cancellationToken);
        }
        catch (RepositoryDamagedException e)
        {
            Error(e.Message);
            return new CheckResult(errors, warnings, 0, 0, 0);
        }
        var stored = new Dictionary<BlobId, long>();
        await foreach (var item in store.Backend.ListAsync(RepositoryLayout.DataPrefix, cancellationToken))
        {
            if (BlobId.TryParse(RepositoryLayout.NameOf(item.Key), out var packId)) stored[packId] = item.Size;
            else warnings.Add($"Unexpected object '{item.Key}'.");
        }
        var packs = store.Index.PackSizes();
        foreach (var (packId, indexedSize) in packs)
        {
            if (!stored.TryGetValue(packId, out var size)) Error($"Pack {packId.ToShortString()} is in the index but missing.");
            else if (size != indexedSize) Error($"Pack {packId.ToShortString()} has {size} bytes, the index says {indexedSize}.");
        }
        foreach (var orphan in stored.Keys.Where(id => !store.Index.ContainsPack(id)))
            warnings.Add($"Pack {orphan.ToShortString()} is not indexed (left by an interrupted backup; prune removes it).");

        List<(BlobId, Snapshots.SnapshotFile)> snapshots;
        try
        {
            snapshots = await store.LoadSnapshotsAsync(cancellationToken);
        }
        catch (RepositoryDamagedException e)
        {
            Error(e.Message);
            snapshots = [];
        }
        await ReachableBlobs.CollectAsync(store, snapshots, Error, cancellationToken);

        if (options.ReadData)
        {
            await Parallel.ForEachAsync(store.Index.EnumeratePacks().Where(p => stored.ContainsKey(p.PackId)), RepositoryStore.Parallelism(cancellationToken),
                async (pack, ct) => await VerifyPackAsync(store, pack, Error, ct));
        }
        return new CheckResult(errors, warnings, snapshots.Count, packs.Count, store.Index.BlobCount);
    }

    private static async Task VerifyPackAsync(RepositoryStore store, PackDescriptor pack, Action<string> error, CancellationToken cancellationToken)
    {
        var bytes = await store.Backend.ReadAsync(RepositoryLayout.Pack(pack.PackId), cancellationToken);
        var name = pack.PackId.ToShortString();
        if (BlobId.HashOf(bytes) != pack.PackId) error($"Pack {name} is damaged: its content does not match its id.");
        foreach (var entry in pack.Entries)
        {
            try
            {
                if (entry.Offset + (long)entry.Length > bytes.Length) throw new RepositoryDamagedException($"Blob {entry.Id.ToShortString()} lies beyond the end of pack {name}.");
                store.Keys.Blobs.Open(entry, bytes.AsSpan((int)entry.Offset, (int)entry.Length), $"pack {name}");
            }
            catch (RepositoryDamagedException e)
            {
                error(e.Message);
            }
        }
    }
}

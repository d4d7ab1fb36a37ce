using Stowage.Mover.Engine.Repository;
using Stowage.Mover.Engine.Snapshots;

namespace Stowage.Mover.Engine.Backup;

/// <summary>Picks the snapshot whose trees tell which files are unchanged.</summary>
internal static class ParentSelector
{
    public static async Task<(BlobId? Id, Tree? Tree)> FindAsync(RepositoryStore store, BackupRequest request, string source,
        List<(BlobId Id, SnapshotFile Snapshot)> snapshots, CancellationToken cancellationToken)
    {
        if (request.ForceFullRead) return (null, null);
        (BlobId Id, SnapshotFile Snapshot)? parent;
        if (request.ParentSnapshotId is { } wanted)
        {
            parent = RepositoryStore.FindSnapshot(snapshots, wanted);
        }
        else
        {
            var candidates = snapshots
                .Where(s => s.Snapshot.Path == source && SameTags(s.Snapshot.Tags, request.Tags)).ToList();
            parent = candidates.Count > 0 ? candidates[^1] : null;
        }
        if (parent is not { } found || !BlobId.TryParse(found.Snapshot.Tree, out var treeId) || !store.Index.Contains(treeId))
            return (null, null);
        return (found.Id, await store.LoadTreeAsync(treeId, cancellationToken));
    }

    private static bool SameTags(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b) =>
        a.Count == b.Count && a.All(pair => b.TryGetValue(pair.Key, out var value) && value == pair.Value);
}

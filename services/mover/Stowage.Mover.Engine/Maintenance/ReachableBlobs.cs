using Stowage.Mover.Engine.Indexing;
using Stowage.Mover.Engine.Repository;
using Stowage.Mover.Engine.Snapshots;

namespace Stowage.Mover.Engine.Maintenance;

/// <summary>Every blob the given snapshots reference, found by walking their trees; unreadable trees are reported.</summary>
internal static class ReachableBlobs
{
    public static async Task<BlobMarks> CollectAsync(RepositoryStore store, IEnumerable<(BlobId Id, SnapshotFile Snapshot)> snapshots,
        Action<string> report, CancellationToken cancellationToken)
    {
        var seen = new BlobMarks(store.Index);
        foreach (var (id, snapshot) in snapshots)
        {
            if (!BlobId.TryParse(snapshot.Tree, out var root)) report($"Snapshot {id.ToShortString()} has a malformed tree id.");
            else await WalkAsync(store, root, $"snapshot {id.ToShortString()}", seen, report, cancellationToken);
        }
        return seen;
    }

    /// <summary>Marks a blob; true when it was not marked before and is indexed.</summary>
    private static bool Mark(BlobId blob, string path, BlobMarks seen, Action<string> report)
    {
        if (!seen.Add(blob, out var indexed)) return false;
        if (!indexed) report($"Blob {blob.ToShortString()} of '{path}' is missing.");
        return indexed;
    }

    private static async Task MarkListAsync(RepositoryStore store, BlobId list, string path, BlobMarks seen, Action<string> report, CancellationToken cancellationToken)
    {
        BlobId[] blobs;
        try
        {
            blobs = await store.Trees.LoadContentListAsync(list, cancellationToken);
        }
        catch (Exception e) when (e is RepositoryDamagedException or Storage.ObjectMissingException)
        {
            report($"Content list {list.ToShortString()} of '{path}' is unreadable: {e.Message}");
            return;
        }
        foreach (var blob in blobs) Mark(blob, path, seen, report);
    }

    private static async Task WalkAsync(RepositoryStore store, BlobId treeId, string where, BlobMarks seen, Action<string> report, CancellationToken cancellationToken)
    {
        if (!seen.Add(treeId)) return;
        Tree tree;
        try
        {
            tree = await store.LoadTreeAsync(treeId, cancellationToken);
            store.Trees.PrefetchChildren(tree, cancellationToken, seen.Contains);
        }
        catch (Exception e) when (e is RepositoryDamagedException or Storage.ObjectMissingException or System.Text.Json.JsonException)
        {
            report($"Tree {treeId.ToShortString()} of {where} is unreadable: {e.Message}");
            return;
        }
        for (var i = 0; i < tree.Nodes.Count; i++)
        {
            var node = tree.Nodes[i];
            var path = $"{where}:/{node.Name}";
            foreach (var hex in node.Content ?? [])
            {
                if (!BlobId.TryParse(hex, out var blob)) report($"'{path}' has a malformed content id.");
                else Mark(blob, path, seen, report);
            }
            foreach (var hex in node.ContentLists ?? [])
            {
                if (!BlobId.TryParse(hex, out var list)) report($"'{path}' has a malformed content list id.");
                else if (Mark(list, path, seen, report)) await MarkListAsync(store, list, path, seen, report, cancellationToken);
            }
            if (node.Subtree is { } subtree)
            {
                store.Trees.PrefetchAfter(tree, i, cancellationToken, seen.Contains);
                if (BlobId.TryParse(subtree, out var child)) await WalkAsync(store, child, where + "/" + node.Name, seen, report, cancellationToken);
                else report($"'{path}' has a malformed subtree id.");
            }
        }
    }
}

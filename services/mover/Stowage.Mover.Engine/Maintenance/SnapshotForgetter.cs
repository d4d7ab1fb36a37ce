using Stowage.Mover.Engine.Repository;
using Stowage.Mover.Engine.Snapshots;

namespace Stowage.Mover.Engine.Maintenance;

/// <summary>Removes snapshot objects (and their application manifests) that a retention policy does not keep; data goes later, in prune.</summary>
internal static class SnapshotForgetter
{
    public static async Task<ForgetResult> RunAsync(RepositoryStore store, ForgetRequest request, CancellationToken cancellationToken)
    {
        if (request.Policy.IsEmpty) throw new ArgumentException("The retention policy keeps nothing; refusing to forget every snapshot.");
        var snapshots = (await store.LoadSnapshotsAsync(cancellationToken))
            .Select(s => RepositoryStore.ToInfo(s.Id, s.Snapshot))
            .Where(s => s.Matches(request.TagFilter));
        var kept = new List<SnapshotInfo>();
        var removed = new List<SnapshotInfo>();
        foreach (var group in snapshots.GroupBy(s => GroupKey(s, request.GroupByTags)))
        {
            var (keep, remove) = RetentionEvaluator.Apply(group, s => s.Time, request.Policy);
            kept.AddRange(keep);
            removed.AddRange(remove);
        }
        if (!request.DryRun)
        {
            foreach (var snapshot in removed)
            {
                var id = BlobId.Parse(snapshot.Id);
                await store.Backend.DeleteAsync(RepositoryLayout.Manifest(id), cancellationToken);
                await store.Backend.DeleteAsync(RepositoryLayout.Snapshot(id), cancellationToken);
            }
        }
        return new ForgetResult(kept.OrderBy(s => s.Time).ToList(), removed.OrderBy(s => s.Time).ToList());
    }

    private static string GroupKey(SnapshotInfo snapshot, IReadOnlyList<string>? groupByTags) =>
        groupByTags is null
            ? snapshot.Path
            : string.Join('\n', groupByTags.Select(key => $"{key}={snapshot.Tags.GetValueOrDefault(key)}"));
}

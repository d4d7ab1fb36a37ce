namespace Stowage.Mover.Engine.Snapshots;

/// <summary>A snapshot as listed from the repository.</summary>
/// <param name="Id">Hex id (the BLAKE3 hash of the stored object).</param>
/// <param name="Time">When the backup started.</param>
/// <param name="Hostname">Host that made it.</param>
/// <param name="Path">Directory that was backed up.</param>
/// <param name="Tags">Metadata such as application id, policy id and volume name.</param>
/// <param name="ParentId">Snapshot used for incremental change detection, if any.</param>
/// <param name="Summary">Counts recorded at backup time.</param>
public sealed record SnapshotInfo(
    string Id,
    DateTimeOffset Time,
    string Hostname,
    string Path,
    IReadOnlyDictionary<string, string> Tags,
    string? ParentId,
    SnapshotSummary Summary)
{
    /// <summary>True when every pair of filter is among the snapshot's tags.</summary>
    public bool Matches(IReadOnlyDictionary<string, string>? filter) =>
        filter is null || filter.All(pair => Tags.TryGetValue(pair.Key, out var value) && value == pair.Value);

    /// <summary>The first 8 hex digits of the id.</summary>
    public string ShortId => Id[..8];
}

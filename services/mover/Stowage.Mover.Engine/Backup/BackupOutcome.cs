using Stowage.Mover.Engine.Snapshots;

namespace Stowage.Mover.Engine.Backup;

/// <summary>
/// A backup's result as a program that ran it reads it back (the mover from a volume job's termination message, which
/// Kubernetes cuts at 4 KiB): the snapshot, the first few warnings shortened, and the bytes read from the source.
/// </summary>
public sealed record BackupOutcome(SnapshotInfo Snapshot, IReadOnlyList<string> Warnings, long BytesRead)
{
    public const int MaxWarnings = 3;
    public const int MaxWarningLength = 400;

    public static BackupOutcome Of(BackupResult result)
    {
        var warnings = result.Warnings.Take(MaxWarnings).Select(w => w.Length <= MaxWarningLength ? w : w[..(MaxWarningLength - 3)] + "...").ToList();
        if (result.Warnings.Count > MaxWarnings) warnings.Add($"and {result.Warnings.Count - MaxWarnings} more warnings");
        return new BackupOutcome(result.Snapshot, warnings, result.BytesRead);
    }
}

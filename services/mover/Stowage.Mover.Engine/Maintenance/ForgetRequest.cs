using Stowage.Mover.Engine.Snapshots;

namespace Stowage.Mover.Engine.Maintenance;

/// <summary>Which snapshots to consider and how to group them before applying the policy.</summary>
public sealed record ForgetRequest
{
    /// <summary>The retention rules applied to each group.</summary>
    public required RetentionPolicy Policy { get; init; }

    /// <summary>Only snapshots carrying all these tags are considered; null for all.</summary>
    public IReadOnlyDictionary<string, string>? TagFilter { get; init; }

    /// <summary>Tag keys whose values form a group (e.g. application and volume); null groups by backed-up path.</summary>
    public IReadOnlyList<string>? GroupByTags { get; init; }

    /// <summary>Report what would be removed without removing it.</summary>
    public bool DryRun { get; init; }
}

/// <summary>Snapshots kept and removed by forget.</summary>
public sealed record ForgetResult(IReadOnlyList<SnapshotInfo> Kept, IReadOnlyList<SnapshotInfo> Removed);

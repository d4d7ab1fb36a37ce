namespace Stowage.Mover.Engine.Maintenance;

/// <summary>
/// Which snapshots forget keeps (restic's semantics): the newest KeepLast, and the newest snapshot of each of the
/// newest KeepHourly hours, KeepDaily days, KeepWeekly ISO weeks, KeepMonthly months and KeepYearly years (UTC)
/// that have snapshots. A snapshot kept by any rule is kept.
/// </summary>
public sealed record RetentionPolicy
{
    /// <summary>Keep the newest N snapshots.</summary>
    public int KeepLast { get; init; }
    /// <summary>Keep the newest snapshot of each of the last N hours with snapshots.</summary>
    public int KeepHourly { get; init; }
    /// <summary>Keep the newest snapshot of each of the last N days with snapshots.</summary>
    public int KeepDaily { get; init; }
    /// <summary>Keep the newest snapshot of each of the last N weeks with snapshots.</summary>
    public int KeepWeekly { get; init; }
    /// <summary>Keep the newest snapshot of each of the last N months with snapshots.</summary>
    public int KeepMonthly { get; init; }
    /// <summary>Keep the newest snapshot of each of the last N years with snapshots.</summary>
    public int KeepYearly { get; init; }

    /// <summary>True when no rule is set (forget refuses such a policy: it would remove everything).</summary>
    public bool IsEmpty => KeepLast + KeepHourly + KeepDaily + KeepWeekly + KeepMonthly + KeepYearly <= 0;
}

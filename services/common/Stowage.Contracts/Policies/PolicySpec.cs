namespace Stowage.Contracts.Policies;

/// <summary>Everything a user says about how one application is protected.</summary>
public sealed record PolicySpec(
    ApplicationRef Application,
    BackupTarget Target,
    BackupSchedule Schedule,
    RetentionRule Retention,
    CopyMethod CopyMethod = CopyMethod.Auto,
    IReadOnlyList<HookSpec>? Hooks = null)
{
    // Lists compare by content, so a spec read back from JSON equals the one written.
    public bool Equals(PolicySpec? other) =>
        other is not null && Application == other.Application && Target == other.Target && Schedule == other.Schedule
        && Retention == other.Retention && CopyMethod == other.CopyMethod
        && (Hooks ?? []).SequenceEqual(other.Hooks ?? []);

    public override int GetHashCode() => HashCode.Combine(Application, Target, Schedule, Retention, CopyMethod, (Hooks ?? []).Count);
}

/// <summary>The application as discovery names it: its namespace and application id.</summary>
public sealed record ApplicationRef(string Namespace, string Name)
{
    public override string ToString() => $"{Namespace}/{Name}";
}

/// <summary>How the mover reaches a volume's data: a CSI snapshot where the storage supports it, else the live files.</summary>
public enum CopyMethod
{
    Auto,
    Snapshot,
    FileCopy,
}

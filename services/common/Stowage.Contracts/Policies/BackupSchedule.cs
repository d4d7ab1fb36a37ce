namespace Stowage.Contracts.Policies;

/// <summary>Either an interval ("6h", "30m", "1d", "45s") or a cron expression with an IANA time zone; never both.</summary>
public sealed record BackupSchedule(string? Interval = null, string? Cron = null, string? TimeZone = null);

/// <summary>How many backups to keep: the last N always, plus optional hourly/daily/weekly/monthly counts.</summary>
public sealed record RetentionRule(int KeepLast, int Hourly = 0, int Daily = 0, int Weekly = 0, int Monthly = 0);

/// <summary>A command run in one container of the application before or after its volumes are copied.</summary>
public sealed record HookSpec(HookPhase Phase, string Container, IReadOnlyList<string> Command, int TimeoutSeconds = 60, string? PodSelector = null)
{
    public bool Equals(HookSpec? other) =>
        other is not null && Phase == other.Phase && Container == other.Container && TimeoutSeconds == other.TimeoutSeconds
        && PodSelector == other.PodSelector && (Command ?? []).SequenceEqual(other.Command ?? []);

    public override int GetHashCode() => HashCode.Combine(Phase, Container, TimeoutSeconds, PodSelector, (Command ?? []).Count);
}

public enum HookPhase
{
    Pre,
    Post,
}

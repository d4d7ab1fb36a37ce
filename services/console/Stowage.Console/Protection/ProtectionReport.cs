using Stowage.Common.Schedules;
using Stowage.Contracts.Backups;

namespace Stowage.Console.Protection;

/// <summary>Whether runs are getting slower, faster or holding steady (the newest half of recent runs against the older half).</summary>
public enum DurationTrend
{
    Unknown,
    Steady,
    Slower,
    Faster,
}

/// <summary>What the console shows of an application's protection at one moment: the view plus what follows from it and the clock.</summary>
public sealed record ProtectionReport(
    ApplicationProtection Application,
    RecoveryPointStatus Status,
    RunRecord? LastSuccess,
    TimeSpan? RecoveryPointAge,
    RunRecord? LastFailure,
    DateTimeOffset? NextRun,
    int BackupsKept,
    long BytesStored,
    double? DeduplicationRatio,
    DurationTrend DurationTrend,
    RunRecord? Running)
{
    public static ProtectionReport Of(ApplicationProtection application, DateTimeOffset now)
    {
        var finished = application.Runs.Where(r => r.FinishedAt is not null).ToList();
        var successes = finished.Where(r => r.Succeeded).ToList();
        var lastSuccess = successes.LastOrDefault();
        var lastFinished = finished.LastOrDefault();
        var lastFailure = finished.LastOrDefault(r => r.Outcome is RunOutcome.Failed or RunOutcome.PartiallyFailed);
        var policy = application.Policy;
        var status = policy is null ? RecoveryPointStatus.Unprotected
            : RecoveryPoint.Assess(policy.Schedule, policy.Since, lastSuccess?.FinishedAt, lastFinished is { Succeeded: false }, lastSuccess?.Duration, now);
        var kept = Kept(application, successes);
        var stored = kept.Sum(r => r.BytesAdded);
        var source = kept.Sum(r => r.SourceBytes);
        return new ProtectionReport(
            application,
            status,
            lastSuccess,
            now - lastSuccess?.FinishedAt,
            lastFailure,
            policy is { Paused: false } ? NextRunOf(application, policy, now) : null,
            kept.Count,
            stored,
            stored > 0 ? (double)source / stored : null,
            TrendOf(successes),
            application.Runs.LastOrDefault(r => r.FinishedAt is null));
    }

    // The repository's own count after retention when the last run reported it, else every successful run seen.
    private static IReadOnlyList<RunRecord> Kept(ApplicationProtection application, IReadOnlyList<RunRecord> successes)
    {
        var reported = application.Runs.LastOrDefault(r => r.BackupsKept is not null)?.BackupsKept;
        return reported is { } count ? successes.Skip(Math.Max(0, successes.Count - count)).ToList() : successes;
    }

    private static DateTimeOffset NextRunOf(ApplicationProtection application, ProtectingPolicy policy, DateTimeOffset now)
    {
        var lastStart = application.Runs.Where(r => r.PolicyId == policy.Id).Select(r => (DateTimeOffset?)r.RequestedAt).LastOrDefault();
        return new DateTimeOffset(ScheduleCalculator.NextDue(policy.Schedule, lastStart?.UtcDateTime, now.UtcDateTime), TimeSpan.Zero);
    }

    private static DurationTrend TrendOf(IReadOnlyList<RunRecord> successes)
    {
        var recent = successes.TakeLast(10).Select(r => r.Duration!.Value.TotalSeconds).ToList();
        if (recent.Count < 4) return DurationTrend.Unknown;
        var older = recent.Take(recent.Count / 2).Average();
        var newer = recent.Skip(recent.Count / 2).Average();
        // Within a fifth (or a second) either way is noise.
        if (Math.Abs(newer - older) <= Math.Max(1, older * 0.2)) return DurationTrend.Steady;
        return newer > older ? DurationTrend.Slower : DurationTrend.Faster;
    }
}

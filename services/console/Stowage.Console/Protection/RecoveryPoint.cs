using Stowage.Common.Schedules;
using Stowage.Contracts.Policies;

namespace Stowage.Console.Protection;

/// <summary>How fresh an application's newest backup is against what its policy promises.</summary>
public enum RecoveryPointStatus
{
    /// <summary>No policy protects it.</summary>
    Unprotected,

    /// <summary>Its first backup is due or running and not late yet.</summary>
    Pending,

    /// <summary>The newest backup is younger than the schedule promises.</summary>
    OnTime,

    /// <summary>A backup is due, or the latest attempt failed; the recovery point is not too old yet.</summary>
    AtRisk,

    /// <summary>The newest backup is older than the schedule allows (or there is none, long after the first was due).</summary>
    Missed,
}

/// <summary>
/// The recovery-point rule. A backup is expected at the schedule's next due time after the last success (its
/// interval, or the cron's next slot); until then the application is on time. Past that time it is at risk for an
/// allowance (a tenth of the period, at least <see cref="MinimumAllowance"/> and twice the last run's duration, since a
/// run takes time), then missed.
/// </summary>
public static class RecoveryPoint
{
    public static readonly TimeSpan MinimumAllowance = TimeSpan.FromSeconds(10);

    public static RecoveryPointStatus Assess(BackupSchedule schedule, DateTimeOffset policySince, DateTimeOffset? lastSuccess, bool lastAttemptFailed,
        TimeSpan? lastDuration, DateTimeOffset now)
    {
        var from = lastSuccess ?? policySince;
        var expected = ExpectedBy(schedule, lastSuccess, policySince);
        var late = expected + Allowance(expected - from, lastDuration);
        if (now > late) return RecoveryPointStatus.Missed;
        if (lastSuccess is null) return lastAttemptFailed ? RecoveryPointStatus.AtRisk : RecoveryPointStatus.Pending;
        return now > expected || lastAttemptFailed ? RecoveryPointStatus.AtRisk : RecoveryPointStatus.OnTime;
    }

    /// <summary>When the next backup must have succeeded: the schedule's due time after the last success (a new policy's first run is due when the schedule first fires).</summary>
    public static DateTimeOffset ExpectedBy(BackupSchedule schedule, DateTimeOffset? lastSuccess, DateTimeOffset policySince) =>
        new(ScheduleCalculator.NextDue(schedule, lastSuccess?.UtcDateTime, policySince.UtcDateTime), TimeSpan.Zero);

    public static TimeSpan Allowance(TimeSpan period, TimeSpan? lastDuration)
    {
        var tenth = period / 10;
        var runs = (lastDuration ?? TimeSpan.Zero) * 2;
        return new[] { tenth, runs, MinimumAllowance }.Max();
    }
}

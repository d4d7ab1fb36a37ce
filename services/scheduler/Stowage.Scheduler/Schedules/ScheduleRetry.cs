using Stowage.Common.Schedules;
using Stowage.Contracts.Backups;
using Stowage.Scheduler.Workflows;

namespace Stowage.Scheduler.Schedules;

/// <summary>When a schedule tries next, and what a run's end does to it: failed runs are retried sooner than the next slot.</summary>
public static class ScheduleRetry
{
    public static readonly TimeSpan DefaultFailureRetry = TimeSpan.FromMinutes(1);

    /// <summary>The next slot, or sooner when a failed or interrupted run is to be retried.</summary>
    public static DateTime NextAttempt(ScheduleState state, DateTime nowUtc)
    {
        var due = ScheduleCalculator.NextDue(state.Spec.Schedule, state.LastRunUtc, nowUtc);
        return state.RetryAtUtc is { } retry && retry < due ? retry : due;
    }

    /// <summary>
    /// The schedule after a run ended at <paramref name="endedUtc"/>. A failed run is retried after the failure wait, doubled for
    /// each failure in a row (never later than the next slot); an interrupted one at once, and it does not count as a run.
    /// </summary>
    public static ScheduleState AfterRun(ScheduleState state, RunOutcome? outcome, DateTime endedUtc) => outcome switch
    {
        RunOutcome.Interrupted => state with { RetryAtUtc = endedUtc },
        RunOutcome.Failed => state with
        {
            LastRunUtc = endedUtc,
            RunCount = state.RunCount + 1,
            FailedAttempts = state.FailedAttempts + 1,
            RetryAtUtc = endedUtc + RetryDelay(state.FailureRetry ?? DefaultFailureRetry, state.FailedAttempts + 1),
        },
        _ => state with { LastRunUtc = endedUtc, RunCount = state.RunCount + 1, FailedAttempts = 0, RetryAtUtc = null },
    };

    private static TimeSpan RetryDelay(TimeSpan first, int failures) =>
        TimeSpan.FromTicks((long)Math.Min(first.Ticks * Math.Pow(2, Math.Min(failures - 1, 20)), TimeSpan.FromDays(1).Ticks));
}

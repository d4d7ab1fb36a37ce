using Stowage.Contracts.Backups;
using Stowage.Contracts.Policies;
using Stowage.Scheduler.Schedules;
using Stowage.Scheduler.Workflows;

namespace Stowage.Scheduler.Tests.Schedules;

public sealed class RetryAfterFailedRunTests
{
    private static readonly DateTime Now = new(2026, 11, 26, 10, 0, 0, DateTimeKind.Utc);

    private static ScheduleState Schedule(string interval) =>
        new("p1", 1, new PolicySpec(new ApplicationRef("shop", "db"), new BackupTarget("local", "b", new CredentialsRef()), new BackupSchedule(interval), new RetentionRule(3)),
            Now.AddHours(-1), FailureRetry: TimeSpan.FromMinutes(1));

    [Fact]
    public void A_failed_run_is_retried_before_the_next_slot_with_doubling_waits()
    {
        var once = ScheduleRetry.AfterRun(Schedule("1h"), RunOutcome.Failed, Now);
        Assert.Equal(Now.AddMinutes(1), ScheduleRetry.NextAttempt(once, Now));
        var twice = ScheduleRetry.AfterRun(once, RunOutcome.Failed, Now.AddMinutes(1));
        Assert.Equal(Now.AddMinutes(3), ScheduleRetry.NextAttempt(twice, Now.AddMinutes(1)));
        Assert.Equal(2, twice.FailedAttempts);
    }

    [Fact]
    public void The_retry_wait_never_passes_the_next_slot()
    {
        var state = Schedule("5m");
        for (var i = 0; i < 6; i++) state = ScheduleRetry.AfterRun(state, RunOutcome.Failed, Now);
        Assert.Equal(Now.AddMinutes(5), ScheduleRetry.NextAttempt(state, Now));
    }

    [Fact]
    public void A_success_ends_the_retries()
    {
        var failed = ScheduleRetry.AfterRun(Schedule("1h"), RunOutcome.Failed, Now);
        var succeeded = ScheduleRetry.AfterRun(failed, RunOutcome.Succeeded, Now.AddMinutes(1));
        Assert.Equal((0, (DateTime?)null), (succeeded.FailedAttempts, succeeded.RetryAtUtc));
        Assert.Equal(Now.AddMinutes(61), ScheduleRetry.NextAttempt(succeeded, Now.AddMinutes(1)));
    }

    [Fact]
    public void An_interrupted_run_runs_again_at_once_and_is_not_counted()
    {
        var state = Schedule("1h");
        var interrupted = ScheduleRetry.AfterRun(state, RunOutcome.Interrupted, Now);
        Assert.Equal(Now, ScheduleRetry.NextAttempt(interrupted, Now));
        Assert.Equal((state.RunCount, state.LastRunUtc, 0), (interrupted.RunCount, interrupted.LastRunUtc, interrupted.FailedAttempts));
    }
}

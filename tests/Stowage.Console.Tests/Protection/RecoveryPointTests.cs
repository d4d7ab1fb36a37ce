using Stowage.Console.Protection;
using Stowage.Contracts.Policies;
using static Stowage.Console.Tests.Protection.Events;

namespace Stowage.Console.Tests.Protection;

public sealed class RecoveryPointTests
{
    private static readonly BackupSchedule Hourly = new("1h");

    private static RecoveryPointStatus Assess(TimeSpan sinceLastSuccess, bool lastFailed = false, TimeSpan? duration = null) =>
        RecoveryPoint.Assess(Hourly, T0.AddDays(-1), T0, lastFailed, duration ?? TimeSpan.FromMinutes(1), T0 + sinceLastSuccess);

    [Fact]
    public void A_backup_younger_than_the_interval_is_on_time() =>
        Assert.Equal(RecoveryPointStatus.OnTime, Assess(TimeSpan.FromMinutes(59)));

    [Fact]
    public void A_failed_attempt_after_a_recent_success_is_at_risk() =>
        Assert.Equal(RecoveryPointStatus.AtRisk, Assess(TimeSpan.FromMinutes(30), lastFailed: true));

    [Fact]
    public void A_due_backup_is_at_risk_within_the_allowance_then_missed() =>
        // Allowance: a tenth of the hour (6 min) beats twice a one-minute run.
        Assert.Equal([RecoveryPointStatus.AtRisk, RecoveryPointStatus.Missed],
            [Assess(TimeSpan.FromMinutes(65)), Assess(TimeSpan.FromMinutes(67))]);

    [Fact]
    public void Long_runs_widen_the_allowance() =>
        Assert.Equal(RecoveryPointStatus.AtRisk, Assess(TimeSpan.FromMinutes(75), duration: TimeSpan.FromMinutes(10)));

    [Fact]
    public void A_new_policy_is_pending_until_its_first_run_is_late()
    {
        var since = T0;
        Assert.Equal(RecoveryPointStatus.Pending, RecoveryPoint.Assess(Hourly, since, null, false, null, since.AddSeconds(5)));
        Assert.Equal(RecoveryPointStatus.AtRisk, RecoveryPoint.Assess(Hourly, since, null, true, null, since.AddSeconds(5)));
        // The first run of an interval schedule is due at once; a minimum allowance covers its duration.
        Assert.Equal(RecoveryPointStatus.Missed, RecoveryPoint.Assess(Hourly, since, null, false, null, since + RecoveryPoint.MinimumAllowance + TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void A_cron_schedule_expects_its_next_slot_after_the_last_success()
    {
        var nightly = new BackupSchedule(Cron: "0 2 * * *");
        var lastSuccess = new DateTimeOffset(2026, 12, 1, 2, 5, 0, TimeSpan.Zero);
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 2, 0, 0, TimeSpan.Zero), RecoveryPoint.ExpectedBy(nightly, lastSuccess, T0.AddDays(-5)));
        Assert.Equal(RecoveryPointStatus.OnTime, RecoveryPoint.Assess(nightly, T0.AddDays(-5), lastSuccess, false, TimeSpan.FromMinutes(5), lastSuccess.AddHours(23)));
        // A day's period gives 2.4 h of allowance.
        Assert.Equal(RecoveryPointStatus.Missed, RecoveryPoint.Assess(nightly, T0.AddDays(-5), lastSuccess, false, TimeSpan.FromMinutes(5), lastSuccess.AddHours(26.5)));
    }
}

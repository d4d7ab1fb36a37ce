using Stowage.Contracts.Policies;
using Stowage.Common.Schedules;

namespace Stowage.Scheduler.Tests.Schedules;

public sealed class ScheduleCalculatorTests
{
    private static readonly DateTime Now = new(2026, 11, 26, 10, 17, 0, DateTimeKind.Utc);

    [Fact]
    public void A_new_interval_schedule_is_due_at_once() =>
        Assert.Equal(Now, ScheduleCalculator.NextDue(new BackupSchedule("6h"), null, Now));

    [Fact]
    public void An_interval_counts_from_the_last_run() =>
        Assert.Equal(Now.AddHours(6), ScheduleCalculator.NextDue(new BackupSchedule("6h"), Now, Now.AddMinutes(1)));

    [Fact]
    public void Many_missed_slots_make_one_run_that_is_due_now()
    {
        var lastRun = Now.AddDays(-3);
        var due = ScheduleCalculator.NextDue(new BackupSchedule("1h"), lastRun, Now);
        Assert.True(due <= Now);
        // After that one run, the next is an interval later, not the 71 slots that were missed.
        Assert.Equal(Now.AddHours(1), ScheduleCalculator.NextDue(new BackupSchedule("1h"), Now, Now));
    }

    [Fact]
    public void Cron_gives_the_next_occurrence_after_the_last_run() =>
        Assert.Equal(new DateTime(2026, 11, 27, 2, 0, 0, DateTimeKind.Utc),
            ScheduleCalculator.NextDue(new BackupSchedule(Cron: "0 2 * * *"), Now, Now));

    [Fact]
    public void Cron_honours_the_time_zone()
    {
        // 02:00 in Paris is 01:00 UTC in winter.
        var due = ScheduleCalculator.NextDue(new BackupSchedule(Cron: "0 2 * * *", TimeZone: "Europe/Paris"), Now, Now);
        Assert.Equal(new DateTime(2026, 11, 27, 1, 0, 0, DateTimeKind.Utc), due);
    }

    [Fact]
    public void A_new_cron_schedule_waits_for_its_first_occurrence() =>
        Assert.Equal(new DateTime(2026, 11, 26, 10, 30, 0, DateTimeKind.Utc),
            ScheduleCalculator.NextDue(new BackupSchedule(Cron: "*/15 * * * *"), null, Now));
}

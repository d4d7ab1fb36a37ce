using Cronos;
using Stowage.Contracts.Policies;

namespace Stowage.Common.Schedules;

/// <summary>
/// When a policy's next run is due. Runs are counted from the last run, not from fixed slots, so any number
/// of slots missed while everything was down adds up to one run on recovery.
/// </summary>
public static class ScheduleCalculator
{
    public static DateTime NextDue(BackupSchedule schedule, DateTime? lastRunUtc, DateTime nowUtc)
    {
        if (!string.IsNullOrEmpty(schedule.Interval))
        {
            if (!ScheduleInterval.TryParse(schedule.Interval, out var interval))
            {
                throw new ArgumentException($"Interval '{schedule.Interval}' is not valid.", nameof(schedule));
            }
            // A new schedule runs at once: protection starts when the policy does.
            return lastRunUtc is { } last ? last + interval : nowUtc;
        }

        var cron = CronExpression.Parse(schedule.Cron ?? throw new ArgumentException("A schedule needs an interval or a cron expression.", nameof(schedule)));
        var zone = schedule.TimeZone is { Length: > 0 } id ? TimeZoneInfo.FindSystemTimeZoneById(id) : TimeZoneInfo.Utc;
        var from = DateTime.SpecifyKind(lastRunUtc ?? nowUtc, DateTimeKind.Utc);
        return cron.GetNextOccurrence(from, zone) ?? DateTime.MaxValue;
    }
}

namespace Stowage.Scheduler.Schedules;

/// <summary>How schedules behave ("Scheduler" configuration section).</summary>
public sealed class SchedulerOptions
{
    public const string Section = "Scheduler";

    /// <summary>Wait before retrying a failed run, doubled for each failure in a row, never past the next slot (default 1 minute).</summary>
    public TimeSpan FailedRunRetry { get; set; } = ScheduleRetry.DefaultFailureRetry;
}

using Stowage.Contracts.Policies;

namespace Stowage.Scheduler.Workflows;

/// <summary>The whole memory of a policy's schedule, carried from one loop of the workflow to the next.</summary>
/// <param name="FailedAttempts">Failed runs in a row; each doubles the wait before the next attempt.</param>
/// <param name="RetryAtUtc">When to try again after a failed or interrupted run, if sooner than the next slot.</param>
/// <param name="FailureRetry">The wait after the first failed run (then doubled), fixed when the schedule starts.</param>
public sealed record ScheduleState(string PolicyId, long PolicyVersion, PolicySpec Spec, DateTime? LastRunUtc, int RunCount = 0,
    int FailedAttempts = 0, DateTime? RetryAtUtc = null, TimeSpan? FailureRetry = null);

public enum ScheduleSignalKind
{
    SpecChanged,
    RunNow,

    /// <summary>The last run was interrupted (its workflow was lost): run again at once, as a scheduled run.</summary>
    RunAgain,
}

/// <summary>
/// An outside event for a running schedule; <see cref="PolicyVersion"/> lets it ignore stale ones. A run-now asked for by a
/// backup command carries the command's <see cref="CorrelationId"/> to the run.
/// </summary>
public sealed record ScheduleSignal(ScheduleSignalKind Kind, long PolicyVersion, PolicySpec? Spec = null, string? CorrelationId = null);

/// <summary>What the schedule shows as its custom status while it waits.</summary>
public sealed record ScheduleStatus(string Phase, DateTime? NextDueUtc, DateTime? LastRunUtc, int RunCount, string? CurrentRunId);

public static class ScheduleEvents
{
    public const string Signal = "signal";
    public const string RunFinished = "run-finished";

    public static string InstanceId(string policyId) => $"schedule-{policyId}";
}

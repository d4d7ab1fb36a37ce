using Stowage.Contracts.Policies;

namespace Stowage.Scheduler.Workflows;

/// <summary>The whole memory of a policy's schedule, carried from one loop of the workflow to the next.</summary>
public sealed record ScheduleState(string PolicyId, long PolicyVersion, PolicySpec Spec, DateTime? LastRunUtc, int RunCount = 0);

public enum ScheduleSignalKind
{
    SpecChanged,
    RunNow,
}

/// <summary>An outside event for a running schedule; <see cref="PolicyVersion"/> lets it ignore stale ones.</summary>
public sealed record ScheduleSignal(ScheduleSignalKind Kind, long PolicyVersion, PolicySpec? Spec = null);

/// <summary>What the schedule shows as its custom status while it waits.</summary>
public sealed record ScheduleStatus(string Phase, DateTime? NextDueUtc, DateTime? LastRunUtc, int RunCount, string? CurrentRunId);

public static class ScheduleEvents
{
    public const string Signal = "signal";
    public const string RunFinished = "run-finished";

    public static string InstanceId(string policyId) => $"schedule-{policyId}";
}

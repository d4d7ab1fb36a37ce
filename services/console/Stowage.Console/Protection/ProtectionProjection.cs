using Stowage.Contracts;
using Stowage.Contracts.Backups;
using Stowage.Contracts.Discovery;
using Stowage.Contracts.Policies;
using Stowage.Contracts.Restores;

namespace Stowage.Console.Protection;

/// <summary>
/// The fold of an application's events into its <see cref="ApplicationProtection"/>. Pure and idempotent: an event
/// applied twice leaves the same state, so redelivery and rebuilds agree with the live view.
/// </summary>
public static class ProtectionProjection
{
    /// <summary>How many runs an application's view holds; older ones are dropped (the bucket still has them).</summary>
    public const int RunsKept = 100;

    public static ApplicationProtection Evolve(ApplicationProtection state, IIntegrationEvent @event) => @event switch
    {
        ApplicationDiscovered e => Describe(state, e.Application),
        ApplicationChanged e => Describe(state, e.Application),
        ApplicationRemoved e => Describe(state, e.Application) with { Discovered = false },
        PolicyCreated e => state with { Policy = new ProtectingPolicy(e.PolicyId, e.Version, e.Spec.Schedule, e.Spec.Retention, e.Spec.Target, e.Paused, null, e.OccurredAt) },
        PolicyChanged e => WithPolicy(state, e, p => p with { Schedule = e.Spec.Schedule, Retention = e.Spec.Retention, Target = e.Spec.Target }),
        PolicyPaused e => WithPolicy(state, e, p => p with { Paused = true, PausedReason = e.Reason }),
        PolicyResumed e => WithPolicy(state, e, p => p with { Paused = false, PausedReason = null, Schedule = e.Spec.Schedule, Retention = e.Spec.Retention, Target = e.Spec.Target }),
        PolicyOrphaned e => WithPolicy(state, e, p => p),
        PolicyAdopted e => WithPolicy(state, e, p => p),
        PolicyDeleted e => state.Policy?.Id == e.PolicyId ? state with { Policy = null } : state,
        BackupRequested e => WithRun(state, e.RunId, run => run ?? new RunRecord(e.RunId, e.PolicyId, e.Trigger, e.OccurredAt, Hooks: RunHook.Of(e.Spec.Hooks))),
        BackupProgressed e => WithRun(state, e.RunId, run => Progressed(run, e)),
        BackupFinished e => WithRun(state, e.RunId, run => (run ?? new RunRecord(e.RunId, e.PolicyId, BackupTrigger.Scheduled, e.OccurredAt)) with
        {
            FinishedAt = e.OccurredAt, Outcome = e.Outcome, Reason = e.Reason, Volumes = e.Volumes, BackupsKept = e.BackupsKept, Activity = null,
        }),
        RestoreFinished e => state.LastRestore?.FinishedAt > e.OccurredAt ? state
            : state with { LastRestore = new RestoreRecord(e.RestoreId, e.RunId, e.Outcome, e.Reason, e.OccurredAt) },
        _ => state,
    };

    public static ApplicationProtection Replay(ApplicationProtection seed, IEnumerable<IIntegrationEvent> events) => events.Aggregate(seed, Evolve);

    private static ApplicationProtection Describe(ApplicationProtection state, ApplicationDescription application) => state with
    {
        Kind = application.Kind.Name,
        KindDisplayName = application.Kind.DisplayName,
        Discovered = true,
        Suggested = application.SuggestedPolicy,
    };

    // An event older than the policy the view holds (a deleted predecessor's) changes nothing.
    private static ApplicationProtection WithPolicy(ApplicationProtection state, PolicyEvent e, Func<ProtectingPolicy, ProtectingPolicy> change) =>
        state.Policy is { } policy && policy.Id == e.PolicyId && policy.Version < e.Version
            ? state with { Policy = change(policy) with { Version = e.Version } }
            : state;

    private static RunRecord? Progressed(RunRecord? run, BackupProgressed e) =>
        run is null || run.FinishedAt is not null || run.Activity?.At > e.OccurredAt ? run
            : run with { Activity = new RunActivity(e.Step, e.BytesProcessed, e.OccurredAt) };

    private static ApplicationProtection WithRun(ApplicationProtection state, string runId, Func<RunRecord?, RunRecord?> change)
    {
        var runs = state.Runs.ToList();
        var index = runs.FindIndex(r => r.RunId == runId);
        var changed = change(index >= 0 ? runs[index] : null);
        if (changed is null) return state;
        if (index >= 0) runs[index] = changed;
        else runs.Add(changed);
        var ordered = runs.OrderBy(r => r.RequestedAt).ThenBy(r => r.RunId, StringComparer.Ordinal).ToList();
        return state with { Runs = ordered.Skip(Math.Max(0, ordered.Count - RunsKept)).ToList() };
    }
}

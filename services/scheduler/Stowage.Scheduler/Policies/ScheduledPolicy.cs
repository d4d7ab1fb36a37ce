using Stowage.Contracts.Policies;

namespace Stowage.Scheduler.Policies;

public enum ScheduledPolicyStatus
{
    Active,
    Paused,
    Deleted,
}

/// <summary>
/// The scheduler's own view of one policy, folded from the policy events: whether it should have a schedule, and with
/// which spec. Status and spec keep their own versions, so events that arrive out of order still leave the newest of
/// each, and a spec change never touches the status (a changed paused policy stays paused).
/// </summary>
/// <param name="LastRunUtc">When the policy's last run ended, so a schedule rebuilt after its workflow was lost keeps its rhythm.</param>
public sealed record ScheduledPolicy(string PolicyId, ScheduledPolicyStatus Status, long StatusVersion, PolicySpec? Spec, long SpecVersion, DateTime? LastRunUtc = null)
{
    /// <summary>The view after <paramref name="event"/>. A status event seen before any spec leaves a view without a spec, which never runs.</summary>
    public static ScheduledPolicy? Evolve(ScheduledPolicy? view, PolicyEvent @event) => @event switch
    {
        PolicyCreated e => Merge(view, e.PolicyId, e.Paused ? ScheduledPolicyStatus.Paused : ScheduledPolicyStatus.Active, e.Version, e.Spec),
        PolicyChanged e => Merge(view, e.PolicyId, null, e.Version, e.Spec),
        PolicyResumed e => Merge(view, e.PolicyId, ScheduledPolicyStatus.Active, e.Version, e.Spec),
        PolicyPaused e => WithStatus(view ?? Unknown(e.PolicyId), ScheduledPolicyStatus.Paused, e.Version),
        PolicyDeleted e => WithStatus(view ?? Unknown(e.PolicyId), ScheduledPolicyStatus.Deleted, e.Version),
        _ => view,
    };

    private static ScheduledPolicy Merge(ScheduledPolicy? view, string policyId, ScheduledPolicyStatus? status, long version, PolicySpec spec)
    {
        if (view is null) return new ScheduledPolicy(policyId, status ?? ScheduledPolicyStatus.Active, status is null ? 0 : version, spec, version);
        var withSpec = version > view.SpecVersion ? view with { Spec = spec, SpecVersion = version } : view;
        return status is { } s ? WithStatus(withSpec, s, version) : withSpec;
    }

    private static ScheduledPolicy Unknown(string policyId) => new(policyId, ScheduledPolicyStatus.Active, 0, null, 0);

    private static ScheduledPolicy WithStatus(ScheduledPolicy view, ScheduledPolicyStatus status, long version) =>
        view.Status == ScheduledPolicyStatus.Deleted || version <= view.StatusVersion ? view : view with { Status = status, StatusVersion = version };

    /// <summary>Whether the policy should have a running schedule.</summary>
    public bool WantsSchedule => Status == ScheduledPolicyStatus.Active && Spec is not null;
}

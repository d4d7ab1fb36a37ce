using Stowage.Contracts.Policies;

namespace Stowage.Policy.Domain;

public enum PolicyStatus
{
    Active,
    Paused,
    Deleted,
}

/// <summary>A policy as its events leave it. Also the read model: the projection is this fold, stored.</summary>
public sealed record PolicyState(
    string Id,
    long Version,
    PolicySpec Spec,
    PolicyStatus Status,
    bool Orphaned,
    string? PausedReason,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static PolicyState? Evolve(PolicyState? state, PolicyEvent @event) => @event switch
    {
        PolicyCreated e => new PolicyState(e.PolicyId, e.Version, e.Spec, e.Paused ? PolicyStatus.Paused : PolicyStatus.Active, false, null, e.OccurredAt, e.OccurredAt),
        PolicyChanged e => Required(state, e) with { Spec = e.Spec },
        PolicyPaused e => Required(state, e) with { Status = PolicyStatus.Paused, PausedReason = e.Reason },
        PolicyResumed e => Required(state, e) with { Status = PolicyStatus.Active, PausedReason = null },
        PolicyOrphaned e => Required(state, e) with { Orphaned = true },
        PolicyAdopted e => Required(state, e) with { Orphaned = false },
        PolicyDeleted e => Required(state, e) with { Status = PolicyStatus.Deleted },
        _ => throw new ArgumentOutOfRangeException(nameof(@event), @event.GetType().Name, "Unknown policy event."),
    };

    public static PolicyState? Replay(IEnumerable<PolicyEvent> events) => events.Aggregate((PolicyState?)null, Evolve);

    private static PolicyState Required(PolicyState? state, PolicyEvent @event) =>
        (state ?? throw new InvalidOperationException($"Event {@event.GetType().Name} v{@event.Version} of policy {@event.PolicyId} precedes its creation."))
        with { Version = @event.Version, UpdatedAt = @event.OccurredAt };
}

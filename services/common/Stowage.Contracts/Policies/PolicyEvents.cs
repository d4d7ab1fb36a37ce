using System.Text.Json.Serialization;

namespace Stowage.Contracts.Policies;

/// <summary>
/// Every change of a policy, in the order it happened. The policy service stores them as the policy's stream
/// and publishes each one on the topic of the same name (see <see cref="PolicyTopics"/>).
/// <see cref="Version"/> is the position in the stream (1 = created); consumers ignore versions they have seen.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(PolicyCreated), PolicyTopics.Created)]
[JsonDerivedType(typeof(PolicyChanged), PolicyTopics.Changed)]
[JsonDerivedType(typeof(PolicyPaused), PolicyTopics.Paused)]
[JsonDerivedType(typeof(PolicyResumed), PolicyTopics.Resumed)]
[JsonDerivedType(typeof(PolicyOrphaned), PolicyTopics.Orphaned)]
[JsonDerivedType(typeof(PolicyAdopted), PolicyTopics.Adopted)]
[JsonDerivedType(typeof(PolicyDeleted), PolicyTopics.Deleted)]
public abstract record PolicyEvent(Guid EventId, string PolicyId, long Version, DateTimeOffset OccurredAt) : IIntegrationEvent;

/// <summary>A policy was created; it is active unless <paramref name="Paused"/>.</summary>
public sealed record PolicyCreated(Guid EventId, string PolicyId, long Version, DateTimeOffset OccurredAt, PolicySpec Spec, bool Paused, string? FromSuggestion = null)
    : PolicyEvent(EventId, PolicyId, Version, OccurredAt);

/// <summary>The policy's spec was replaced; <paramref name="Spec"/> is the whole new spec.</summary>
public sealed record PolicyChanged(Guid EventId, string PolicyId, long Version, DateTimeOffset OccurredAt, PolicySpec Spec)
    : PolicyEvent(EventId, PolicyId, Version, OccurredAt);

public sealed record PolicyPaused(Guid EventId, string PolicyId, long Version, DateTimeOffset OccurredAt, ApplicationRef Application, string? Reason)
    : PolicyEvent(EventId, PolicyId, Version, OccurredAt);

/// <summary>A paused policy runs again; <paramref name="Spec"/> is repeated so a scheduler can resume from this event alone.</summary>
public sealed record PolicyResumed(Guid EventId, string PolicyId, long Version, DateTimeOffset OccurredAt, PolicySpec Spec)
    : PolicyEvent(EventId, PolicyId, Version, OccurredAt);

/// <summary>Discovery no longer sees the application; the policy and its backups stay.</summary>
public sealed record PolicyOrphaned(Guid EventId, string PolicyId, long Version, DateTimeOffset OccurredAt, ApplicationRef Application)
    : PolicyEvent(EventId, PolicyId, Version, OccurredAt);

/// <summary>An orphaned policy's application was discovered again.</summary>
public sealed record PolicyAdopted(Guid EventId, string PolicyId, long Version, DateTimeOffset OccurredAt, ApplicationRef Application)
    : PolicyEvent(EventId, PolicyId, Version, OccurredAt);

/// <summary>The policy was deleted: no more runs. Its backups stay in the bucket and remain restorable.</summary>
public sealed record PolicyDeleted(Guid EventId, string PolicyId, long Version, DateTimeOffset OccurredAt, ApplicationRef Application)
    : PolicyEvent(EventId, PolicyId, Version, OccurredAt);

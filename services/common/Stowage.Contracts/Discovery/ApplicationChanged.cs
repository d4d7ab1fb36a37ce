namespace Stowage.Contracts.Discovery;

/// <summary>Something that matters for protecting an application changed: its kind, resources, volumes, pods, hooks, members, policy or status.</summary>
/// <param name="EventId">Unique id of this event.</param>
/// <param name="OccurredAt">When discovery saw the change.</param>
/// <param name="Application">The application's full description after the change.</param>
/// <param name="PreviousContentHash">The <see cref="ApplicationDescription.ContentHash"/> this change replaces.</param>
/// <param name="Changes">Which parts changed, as <see cref="ApplicationAspects"/> names.</param>
public sealed record ApplicationChanged(
    Guid EventId,
    DateTimeOffset OccurredAt,
    ApplicationDescription Application,
    string PreviousContentHash,
    IReadOnlyList<string> Changes) : IIntegrationEvent;

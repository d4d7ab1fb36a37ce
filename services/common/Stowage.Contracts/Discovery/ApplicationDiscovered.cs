namespace Stowage.Contracts.Discovery;

/// <summary>An application was seen for the first time (or again after it was removed).</summary>
/// <param name="EventId">Unique id of this event.</param>
/// <param name="OccurredAt">When discovery saw the application.</param>
/// <param name="Application">The application's full description.</param>
public sealed record ApplicationDiscovered(Guid EventId, DateTimeOffset OccurredAt, ApplicationDescription Application) : IIntegrationEvent;

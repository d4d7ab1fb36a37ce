namespace Stowage.Contracts.Discovery;

/// <summary>An application's resources are gone from the cluster. Its backups are not touched.</summary>
/// <param name="EventId">Unique id of this event.</param>
/// <param name="OccurredAt">When discovery saw it go.</param>
/// <param name="Application">The last description discovery had.</param>
public sealed record ApplicationRemoved(Guid EventId, DateTimeOffset OccurredAt, ApplicationDescription Application) : IIntegrationEvent;

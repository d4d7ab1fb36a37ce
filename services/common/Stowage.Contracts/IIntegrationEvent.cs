namespace Stowage.Contracts;

/// <summary>An event one service publishes for others. Consumers deduplicate by <see cref="EventId"/>.</summary>
public interface IIntegrationEvent
{
    /// <summary>Unique id of this event; the same id is never used for two different events.</summary>
    Guid EventId { get; }

    /// <summary>When the change the event describes happened.</summary>
    DateTimeOffset OccurredAt { get; }
}

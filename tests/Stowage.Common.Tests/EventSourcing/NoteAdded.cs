using Stowage.Contracts;

namespace Stowage.Common.Tests.EventSourcing;

/// <summary>The event of the test streams: any text, so each event is told apart by its id.</summary>
public sealed record NoteAdded(Guid EventId, DateTimeOffset OccurredAt, string Text) : IIntegrationEvent
{
    public const string Topic = "notes";

    public static NoteAdded Of(string text) => new(Guid.NewGuid(), DateTimeOffset.UtcNow, text);
}

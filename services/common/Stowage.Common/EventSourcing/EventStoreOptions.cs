using Stowage.Contracts;

namespace Stowage.Common.EventSourcing;

/// <summary>Where one category of streams lives and which topic each of its events goes to (on the pub/sub of <see cref="Messaging.IEventPublisher"/>).</summary>
public sealed record EventStoreOptions(string Category, Func<IIntegrationEvent, string> TopicOf)
{
    public string StateStore { get; init; } = DaprComponents.StateStore;
}

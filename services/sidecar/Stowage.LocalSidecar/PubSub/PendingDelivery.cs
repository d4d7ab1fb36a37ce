namespace Stowage.LocalSidecar.PubSub;

/// An event owed to one app's subscription; kept in the journal until the app accepted or refused it for good.
internal sealed record PendingDelivery(string AppId, TopicSubscription Subscription, PublishedEvent Event)
{
    public long JournalId { get; init; }
}

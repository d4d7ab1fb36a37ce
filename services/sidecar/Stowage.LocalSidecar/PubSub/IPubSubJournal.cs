namespace Stowage.LocalSidecar.PubSub;

/// Where pub/sub keeps what must outlive a sidecar restart: undelivered events and each app's subscriptions
/// (the counterpart of a broker's durable consumer groups).
internal interface IPubSubJournal
{
    Task<PendingDelivery> RecordAsync(PendingDelivery delivery);

    Task CompleteAsync(PendingDelivery delivery);

    Task<IReadOnlyList<PendingDelivery>> PendingAsync();

    Task SaveSubscriptionsAsync(string appId, IReadOnlyList<TopicSubscription> subscriptions);

    Task<IReadOnlyDictionary<string, IReadOnlyList<TopicSubscription>>> LoadSubscriptionsAsync();
}

namespace Stowage.LocalSidecar.PubSub;

/// Keeps nothing: with in-memory pub/sub, undelivered events end with the sidecar process.
internal sealed class InMemoryPubSubJournal : IPubSubJournal
{
    public Task<PendingDelivery> RecordAsync(PendingDelivery delivery) => Task.FromResult(delivery);

    public Task CompleteAsync(PendingDelivery delivery) => Task.CompletedTask;

    public Task<IReadOnlyList<PendingDelivery>> PendingAsync() => Task.FromResult<IReadOnlyList<PendingDelivery>>([]);

    public Task SaveSubscriptionsAsync(string appId, IReadOnlyList<TopicSubscription> subscriptions) => Task.CompletedTask;

    public Task<IReadOnlyDictionary<string, IReadOnlyList<TopicSubscription>>> LoadSubscriptionsAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, IReadOnlyList<TopicSubscription>>>(new Dictionary<string, IReadOnlyList<TopicSubscription>>());
}

using Microsoft.Extensions.Logging;
using Stowage.LocalSidecar.Hosting;

namespace Stowage.LocalSidecar.PubSub;

/// Pub/sub shared by every app of the sidecar: each subscribing app receives each event once (a consumer group per app id).
internal sealed class PubSubBroker(
    IReadOnlyList<SidecarApp> apps,
    SubscriptionCatalog catalog,
    HttpClient appChannel,
    DeliveryPolicy policy,
    ILogger<PubSubBroker> logger) : IAsyncDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _deliveries = [];
    private readonly Lock _gate = new();

    public async Task PublishAsync(PublishedEvent published, CancellationToken cancellationToken)
    {
        // An app that came up after the sidecar may not have been asked for its subscriptions yet.
        foreach (var app in apps.Where(a => !catalog.IsLoaded(a.AppId)))
        {
            await catalog.TryLoadAsync(app, cancellationToken);
        }

        foreach (var (appId, subscription) in catalog.SubscribersOf(published.PubSubName, published.Topic))
        {
            var app = apps.Single(a => a.AppId == appId);
            var delivery = Task.Run(() => DeliverAsync(app, subscription, published, _stopping.Token), CancellationToken.None);
            lock (_gate)
            {
                _deliveries.RemoveAll(t => t.IsCompleted);
                _deliveries.Add(delivery);
            }
        }
    }

    private async Task DeliverAsync(SidecarApp app, TopicSubscription subscription, PublishedEvent published, CancellationToken cancellationToken)
    {
        var target = new Uri(app.AppChannel, subscription.Route.TrimStart('/'));
        for (var attempt = 1; !cancellationToken.IsCancellationRequested; attempt++)
        {
            var (outcome, reason) = await AppEventSender.SendAsync(appChannel, target, published, cancellationToken);
            switch (outcome)
            {
                case DeliveryOutcome.Success:
                    return;
                case DeliveryOutcome.Drop:
                    logger.DeliveryDropped(app.AppId, published.Id, published.Topic, reason);
                    return;
            }

            if (attempt >= policy.MaxAttempts)
            {
                await GiveUpAsync(app, subscription, published, reason, cancellationToken);
                return;
            }

            logger.DeliveryRetry(app.AppId, published.Id, published.Topic, attempt, reason);
            await Task.Delay(policy.BackoffAfter(attempt), cancellationToken);
        }
    }

    private async Task GiveUpAsync(SidecarApp app, TopicSubscription subscription, PublishedEvent published, string reason, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(subscription.DeadLetterTopic))
        {
            logger.DeliveryDropped(app.AppId, published.Id, published.Topic, $"gave up after {policy.MaxAttempts} attempts: {reason}");
            return;
        }

        logger.DeliveryDeadLettered(app.AppId, published.Id, published.Topic, subscription.DeadLetterTopic);
        await PublishAsync(published with { Topic = subscription.DeadLetterTopic }, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        Task[] pending;
        lock (_gate)
        {
            pending = [.. _deliveries];
        }

        await Task.WhenAll(pending.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));
        _stopping.Dispose();
    }
}

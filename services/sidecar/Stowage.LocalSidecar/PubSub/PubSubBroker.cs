using Microsoft.Extensions.Logging;
using Stowage.LocalSidecar.Hosting;

namespace Stowage.LocalSidecar.PubSub;

/// Pub/sub shared by every app of the sidecar: each subscribing app receives each event once (a consumer group per app id).
internal sealed class PubSubBroker(
    IReadOnlyList<SidecarApp> apps,
    SubscriptionCatalog catalog,
    IPubSubJournal journal,
    HttpClient appChannel,
    DeliveryPolicy policy,
    IReadOnlyDictionary<string, TopicScopes> scopes,
    ILogger<PubSubBroker> logger) : IAsyncDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _deliveries = [];
    private readonly Lock _gate = new();

    /// The message daprd refuses a publish outside the component's scopes with (ERR_PUBSUB_FORBIDDEN), or null when it is allowed.
    public string? PublishRefusal(string appId, string pubSubName, string topic) =>
        ScopesOf(pubSubName).MayPublish(appId, topic) ? null : $"topic {topic} is not allowed for app id {appId}";

    private TopicScopes ScopesOf(string pubSubName) => scopes.GetValueOrDefault(pubSubName) ?? TopicScopes.None;

    public async Task PublishAsync(PublishedEvent published, CancellationToken cancellationToken)
    {
        // An app that came up after the sidecar may not have been asked for its subscriptions yet; a slow one must not
        // hold up the publisher for long.
        foreach (var app in apps.Where(a => !catalog.HasAnswered(a.AppId)))
        {
            using var briefly = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            briefly.CancelAfter(TimeSpan.FromSeconds(2));
            try
            {
                await catalog.TryLoadAsync(app, briefly.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Asked again in the background; this event goes to the apps known now.
            }
        }

        // daprd does not subscribe an app to a topic its subscriptionScopes refuse.
        var scoping = ScopesOf(published.PubSubName);
        foreach (var (appId, subscription) in catalog.SubscribersOf(published.PubSubName, published.Topic).Where(s => scoping.MaySubscribe(s.AppId, published.Topic)))
        {
            Start(await journal.RecordAsync(new PendingDelivery(appId, subscription, published)));
        }
    }

    /// Restarts the deliveries a previous run of the sidecar left unfinished.
    public async Task ResumeAsync()
    {
        foreach (var pending in await journal.PendingAsync())
        {
            Start(pending);
        }
    }

    private void Start(PendingDelivery delivery)
    {
        var delivering = Task.Run(() => DeliverAsync(delivery, _stopping.Token), CancellationToken.None);
        lock (_gate)
        {
            _deliveries.RemoveAll(t => t.IsCompleted);
            _deliveries.Add(delivering);
        }
    }

    private async Task DeliverAsync(PendingDelivery delivery, CancellationToken cancellationToken)
    {
        var (appId, subscription, published) = delivery;
        if (apps.FirstOrDefault(a => a.AppId == appId) is not { } app)
        {
            return;
        }

        if (RouteSelector.Select(subscription, published) is not { } route)
        {
            logger.DeliveryDropped(appId, published.Id, published.Topic, "no routing rule matches and there is no default route");
            await journal.CompleteAsync(delivery);
            return;
        }

        var attempt = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var (outcome, reason) = await AppEventSender.SendAsync(appChannel, app, route, published, cancellationToken);
            if (outcome == DeliveryOutcome.Drop)
            {
                logger.DeliveryDropped(appId, published.Id, published.Topic, reason);
            }

            if (outcome is DeliveryOutcome.Success or DeliveryOutcome.Drop)
            {
                await journal.CompleteAsync(delivery);
                return;
            }

            if (outcome == DeliveryOutcome.Retry && ++attempt >= policy.MaxAttempts)
            {
                await GiveUpAsync(delivery, reason, cancellationToken);
                await journal.CompleteAsync(delivery);
                return;
            }

            logger.DeliveryRetry(appId, published.Id, published.Topic, attempt, reason);
            await Task.Delay(outcome == DeliveryOutcome.Unreachable ? policy.MaxBackoff : policy.BackoffAfter(attempt), cancellationToken);
        }
    }

    private async Task GiveUpAsync(PendingDelivery delivery, string reason, CancellationToken cancellationToken)
    {
        var (appId, subscription, published) = delivery;
        if (string.IsNullOrEmpty(subscription.DeadLetterTopic))
        {
            logger.DeliveryDropped(appId, published.Id, published.Topic, $"gave up after {policy.MaxAttempts} attempts: {reason}");
            return;
        }

        logger.DeliveryDeadLettered(appId, published.Id, published.Topic, subscription.DeadLetterTopic);
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

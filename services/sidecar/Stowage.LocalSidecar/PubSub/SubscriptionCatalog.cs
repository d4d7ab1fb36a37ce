using Microsoft.Extensions.Logging;
using Stowage.LocalSidecar.Hosting;

namespace Stowage.LocalSidecar.PubSub;

/// What each app subscribed to, read from its GET /dapr/subscribe as soon as the app answers (daprd reads it at start)
/// and remembered in the journal, so events for an app that is down are kept for it like a broker's consumer group does.
internal sealed class SubscriptionCatalog(HttpClient appChannel, IPubSubJournal journal, ILogger<SubscriptionCatalog> logger)
{
    private readonly Dictionary<string, IReadOnlyList<TopicSubscription>> _known = [];
    private readonly HashSet<string> _answered = [];
    private readonly Lock _gate = new();

    /// Whether the app answered GET /dapr/subscribe since the sidecar started (what daprd's /v1.0/healthz waits for).
    public bool HasAnswered(string appId)
    {
        lock (_gate)
        {
            return _answered.Contains(appId);
        }
    }

    public async Task RestoreAsync()
    {
        var saved = await journal.LoadSubscriptionsAsync();
        lock (_gate)
        {
            foreach (var (appId, subscriptions) in saved)
            {
                _known[appId] = subscriptions;
            }
        }
    }

    public IReadOnlyList<(string AppId, TopicSubscription Subscription)> SubscribersOf(string pubSubName, string topic)
    {
        lock (_gate)
        {
            return _known
                .SelectMany(app => app.Value.Select(s => (app.Key, s)))
                .Where(x => x.s.PubSubName == pubSubName && x.s.Topic == topic)
                .ToList();
        }
    }

    public async Task<bool> TryLoadAsync(SidecarApp app, CancellationToken cancellationToken)
    {
        IReadOnlyList<TopicSubscription> subscriptions;
        try
        {
            using var request = app.Call(HttpMethod.Get, "dapr/subscribe");
            using var response = await appChannel.SendAsync(request, cancellationToken);
            subscriptions = response.IsSuccessStatusCode
                ? SubscriptionDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken))
                : [];
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The app accepted the connection but did not answer in time.
            return false;
        }
        catch (System.Text.Json.JsonException exception)
        {
            logger.SubscriptionsUnreadable(app.AppId, exception.Message);
            subscriptions = [];
        }

        bool changed;
        lock (_gate)
        {
            changed = !_known.TryGetValue(app.AppId, out var previous) || !previous.SequenceEqual(subscriptions) || !_answered.Contains(app.AppId);
            _known[app.AppId] = subscriptions;
            _answered.Add(app.AppId);
        }

        if (changed)
        {
            await journal.SaveSubscriptionsAsync(app.AppId, subscriptions);
            logger.SubscriptionsLoaded(app.AppId, subscriptions.Count);
        }

        return true;
    }

    /// Asks the app for its subscriptions until it answers, then now and then again: daprd restarts with its app and
    /// rereads them, but this sidecar outlives app restarts. An app that is not up keeps the subscriptions it had last.
    public async Task KeepLoadedAsync(SidecarApp app, CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var answered = await TryLoadAsync(app, cancellationToken);
                await Task.Delay(answered ? TimeSpan.FromSeconds(2) : TimeSpan.FromMilliseconds(200), cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            // The sidecar is stopping.
        }
    }
}

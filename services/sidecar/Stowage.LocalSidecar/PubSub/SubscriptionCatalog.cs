using Microsoft.Extensions.Logging;
using Stowage.LocalSidecar.Hosting;

namespace Stowage.LocalSidecar.PubSub;

/// What each app subscribed to, read from its GET /dapr/subscribe as soon as the app answers (daprd reads it at start).
internal sealed class SubscriptionCatalog(HttpClient appChannel, ILogger<SubscriptionCatalog> logger)
{
    private readonly Dictionary<string, IReadOnlyList<TopicSubscription>> _loaded = [];
    private readonly Lock _gate = new();

    public bool IsLoaded(string appId)
    {
        lock (_gate)
        {
            return _loaded.ContainsKey(appId);
        }
    }

    public IReadOnlyList<(string AppId, TopicSubscription Subscription)> SubscribersOf(string pubSubName, string topic)
    {
        lock (_gate)
        {
            return _loaded
                .SelectMany(app => app.Value.Select(s => (app.Key, s)))
                .Where(x => x.s.PubSubName == pubSubName && x.s.Topic == topic)
                .ToList();
        }
    }

    public async Task<bool> TryLoadAsync(SidecarApp app, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await appChannel.GetAsync(new Uri(app.AppChannel, "dapr/subscribe"), cancellationToken);
            var subscriptions = response.IsSuccessStatusCode
                ? SubscriptionDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken))
                : [];
            lock (_gate)
            {
                _loaded[app.AppId] = subscriptions;
            }

            logger.SubscriptionsLoaded(app.AppId, subscriptions.Count);
            return true;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    /// Polls until the app answers; an app that is not up yet simply has no subscriptions.
    public async Task LoadWhenAppAnswersAsync(SidecarApp app, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested && !await TryLoadAsync(app, cancellationToken))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
        }
    }
}

using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using Stowage.LocalSidecar.Invocation;
using Stowage.LocalSidecar.PubSub;
using Stowage.LocalSidecar.State;

namespace Stowage.LocalSidecar.Hosting;

/// <summary>
/// A running local Dapr sidecar serving several apps. Start it with <see cref="StartAsync"/>, point each app's Dapr SDK at
/// <see cref="EndpointsOf"/>, and dispose it to stop.
/// </summary>
public sealed class LocalSidecarHost : IAsyncDisposable
{
    private readonly List<WebApplication> _hosts;
    private readonly PubSubBroker _broker;
    private readonly HttpClient _appChannel;
    private readonly HttpMessageInvoker _invocationChannel;
    private readonly CancellationTokenSource _stopping;
    private readonly ILoggerFactory _loggerFactory;

    private LocalSidecarHost(
        IReadOnlyDictionary<string, SidecarAppEndpoints> apps, List<WebApplication> hosts, PubSubBroker broker,
        HttpClient appChannel, HttpMessageInvoker invocationChannel, CancellationTokenSource stopping, ILoggerFactory loggerFactory)
    {
        _invocationChannel = invocationChannel;
        _loggerFactory = loggerFactory;
        Apps = apps;
        _hosts = hosts;
        _broker = broker;
        _appChannel = appChannel;
        _stopping = stopping;
    }

    /// <summary>The endpoints of every app, by app id.</summary>
    public IReadOnlyDictionary<string, SidecarAppEndpoints> Apps { get; }

    /// <summary>The endpoints of one app.</summary>
    public SidecarAppEndpoints EndpointsOf(string appId) => Apps[appId];

    /// <summary>Starts a sidecar for the given apps; it reads each app's subscriptions as soon as the app answers.</summary>
    public static async Task<LocalSidecarHost> StartAsync(LocalSidecarOptions options, CancellationToken cancellationToken = default)
    {
        var apps = options.Apps.Select(a => new SidecarApp(a.AppId, a.AppPort, a.Tokens ?? SidecarTokens.Random())).ToList();
        var loggerFactory = LoggerFactory.Create(logging =>
        {
            if (options.ConfigureLogging is { } configure)
            {
                configure(logging);
            }
            else
            {
                logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
            }
        });
        var appChannel = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        IStateStore store = options.SqlitePath is { } path ? new SqliteStateStore(path) : new InMemoryStateStore();
        IPubSubJournal journal = options.SqlitePath is { } journalPath ? new SqlitePubSubJournal(journalPath) : new InMemoryPubSubJournal();
        var catalog = new SubscriptionCatalog(appChannel, journal, loggerFactory.CreateLogger<SubscriptionCatalog>());
        await catalog.RestoreAsync();
        var broker = new PubSubBroker(apps, catalog, journal, appChannel, options.Delivery, options.TopicScopes.ToDictionary(), loggerFactory.CreateLogger<PubSubBroker>());

        // No timeout and no redirects, cookies or decompression: an invocation passes through as the app answered it.
        var invocationChannel = new HttpMessageInvoker(new SocketsHttpHandler
        {
            UseProxy = false, AllowAutoRedirect = false, UseCookies = false, AutomaticDecompression = System.Net.DecompressionMethods.None,
        });
        var invoker = new ServiceInvoker(apps.ToDictionary(a => a.AppId), invocationChannel);

        var hosts = new List<WebApplication>();
        var endpoints = new Dictionary<string, SidecarAppEndpoints>();
        try
        {
            foreach (var (app, ports) in apps.Zip(options.Apps))
            {
                var (web, started) = await AppSidecarHost.StartAsync(app, ports, store, broker, catalog, invoker, options);
                hosts.Add(web);
                endpoints[app.AppId] = started;
            }
        }
        catch
        {
            // A port in use must not leave the apps started so far listening.
            foreach (var host in hosts)
            {
                await host.DisposeAsync();
            }

            invocationChannel.Dispose();
            throw;
        }

        var logger = loggerFactory.CreateLogger<LocalSidecarHost>();
        foreach (var (storeName, route) in options.Outboxes)
        {
            logger.OutboxEnabled(storeName, route.PubSubName, route.Topic);
        }

        await broker.ResumeAsync();
        var stopping = new CancellationTokenSource();
        foreach (var app in apps)
        {
            _ = Task.Run(() => catalog.KeepLoadedAsync(app, stopping.Token), CancellationToken.None);
        }

        return new LocalSidecarHost(endpoints, hosts, broker, appChannel, invocationChannel, stopping, loggerFactory);
    }

    /// <summary>Stops every app's sidecar endpoints, pending deliveries and workflow engines.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _broker.DisposeAsync();
        foreach (var host in _hosts)
        {
            await host.StopAsync();
            await host.DisposeAsync();
        }

        _appChannel.Dispose();
        _invocationChannel.Dispose();
        _stopping.Dispose();
        _loggerFactory.Dispose();
    }
}

using k8s;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Stowage.Discovery.Domain.Inventory;
using Stowage.Discovery.Kubernetes;
using Stowage.Discovery.Observability;

namespace Stowage.Discovery.Runtime;

/// <summary>Runs one watcher per kind and scope, and the reconciler, for the life of the service.</summary>
internal sealed class DiscoveryWorker(
    Func<IKubernetes> connect, ClusterInventory inventory, CatalogProvider catalog, DiscoveryReconciler reconciler,
    DiscoveryStatusBoard board, DiscoveryTelemetry telemetry, IOptions<DiscoveryOptions> options, TimeProvider time,
    ILoggerFactory loggers) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        IKubernetes client;
        try
        {
            client = connect();
        }
        catch (Exception error) when (error is k8s.Exceptions.KubeConfigException or IOException or InvalidOperationException)
        {
            board.ClusterError = error.Message;
            loggers.CreateLogger<DiscoveryWorker>().NoCluster(error);
            return;
        }
        using (client)
        {
            inventory.Changed += reconciler.Trigger;
            board.WatcherSynced += reconciler.Trigger;
            catalog.Changed += reconciler.Trigger;
            catalog.StartWatchingFolders();
            var watchers = CreateWatchers(client);
            board.ExpectWatchers(watchers.Count);
            await Task.WhenAll(watchers.Select(watcher => watcher.RunAsync(stoppingToken)).Append(RunReconcilerAsync(stoppingToken)));
        }
    }

    private List<ResourceWatcher> CreateWatchers(IKubernetes client)
    {
        var scopes = options.Value.Namespaces.Count == 0 ? [null] : options.Value.Namespaces.Distinct().Cast<string?>().ToList();
        var logger = loggers.CreateLogger<ResourceWatcher>();
        return WatchedKinds.All
            .SelectMany(source => (source.Namespaced ? scopes : [null]).Select(ns =>
                new ResourceWatcher(source, ns, client, inventory, board, telemetry, options.Value, time, logger)))
            .ToList();
    }

    private async Task RunReconcilerAsync(CancellationToken stoppingToken)
    {
        try
        {
            await reconciler.RunAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }
}

using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Stowage.Discovery.Domain.Changes;
using Stowage.Discovery.Domain.Classification;
using Stowage.Discovery.Domain.Inventory;
using Stowage.Discovery.Observability;

namespace Stowage.Discovery.Runtime;

/// <summary>
/// After each settled burst of changes, describes every application again and announces only what really changed
/// (by content hash), so a re-list that finds the same objects publishes nothing. An application is marked as
/// announced only after its event was published; a failed publish is retried on the next pass.
/// </summary>
internal sealed class DiscoveryReconciler(
    ClusterInventory inventory, CatalogProvider catalog, ApplicationRegistry registry, ApplicationAnnouncer announcer,
    AnnouncedStateKeeper announcedState, DiscoveryStatusBoard board, IOptions<DiscoveryOptions> options, TimeProvider time,
    ILogger<DiscoveryReconciler> logger)
{
    private readonly Channel<bool> pending = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private long reconciledVersion = -1;
    private int running;

    /// <summary>True when the last pass saw the inventory as it is now and nothing is waiting: discovery has caught up.</summary>
    public bool IsCaughtUp =>
        board.InitialSyncComplete && Volatile.Read(ref running) == 0 && pending.Reader.Count == 0 && Interlocked.Read(ref reconciledVersion) == inventory.Version;

    public void Trigger() => pending.Writer.TryWrite(true);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await announcedState.RestoreAsync(cancellationToken);
        await foreach (var signal in pending.Reader.ReadAllAsync(cancellationToken))
        {
            await Task.Delay(options.Value.SettleDelay, time, cancellationToken);
            pending.Reader.TryRead(out _);
            if (!board.InitialSyncComplete)
            {
                continue;
            }
            bool done;
            try
            {
                done = await ReconcileOnceAsync(cancellationToken);
            }
            catch (Exception error) when (!cancellationToken.IsCancellationRequested)
            {
                // One bad pass must not end discovery: log it and try again after the usual delay.
                logger.ReconcileFailed(error);
                done = false;
            }
            if (!done)
            {
                _ = RetryLaterAsync(cancellationToken);
            }
        }
    }

    /// <summary>One pass; false when some event could not be published.</summary>
    public async Task<bool> ReconcileOnceAsync(CancellationToken cancellationToken)
    {
        using var activity = DiscoveryTelemetry.ActivitySource.StartActivity("discovery.reconcile");
        Interlocked.Exchange(ref running, 1);
        try
        {
            return await ReconcileAsync(activity, cancellationToken);
        }
        finally
        {
            Interlocked.Exchange(ref running, 0);
        }
    }

    private async Task<bool> ReconcileAsync(Activity? activity, CancellationToken cancellationToken)
    {
        var seenVersion = inventory.Version;
        var current = ApplicationDescriber.DescribeAll(inventory.Snapshot(), catalog.Current);
        var changes = ApplicationChangeDetector.Detect(registry.Snapshot(), current);
        activity?.SetTag("stowage.applications", current.Count);
        activity?.SetTag("stowage.changes", changes.Count);
        var allPublished = true;
        foreach (var change in changes)
        {
            allPublished &= await announcer.AnnounceAsync(change, cancellationToken);
        }
        allPublished &= await announcedState.SaveAsync(changes.Count > 0, cancellationToken);
        Interlocked.Exchange(ref reconciledVersion, allPublished ? seenVersion : -1);
        return allPublished;
    }

    private async Task RetryLaterAsync(CancellationToken cancellationToken)
    {
        await Task.Delay(options.Value.RetryDelay, time, cancellationToken);
        Trigger();
    }
}

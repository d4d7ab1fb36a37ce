using System.Net;
using k8s;
using k8s.Autorest;
using Microsoft.Extensions.Logging;
using Stowage.Discovery.Domain.Inventory;
using Stowage.Discovery.Kubernetes;
using Stowage.Discovery.Observability;

namespace Stowage.Discovery.Runtime;

/// <summary>
/// Keeps one kind in one scope in the inventory: list, then watch from the list's resourceVersion; resume from the
/// last seen version when a watch ends or the connection drops; list again on 410 Gone. Never gives up.
/// </summary>
internal sealed class ResourceWatcher(
    IKindSource source, string? ns, IKubernetes client, ClusterInventory inventory, DiscoveryStatusBoard board,
    DiscoveryTelemetry telemetry, DiscoveryOptions options, TimeProvider time, ILogger logger)
{
    private readonly string kind = source.Kind.ToString();
    private static string ScopeOf(IKindSource source, string? ns) => ns ?? (source.Namespaced ? "all namespaces" : "cluster");

    private readonly WatcherProgress progress = new(source.Kind.ToString(), ns, ScopeOf(source, ns), board, telemetry, logger);

    private string Scope => ScopeOf(source, ns);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        progress.Report("Starting");
        var failures = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (progress.ResourceVersion is null)
                {
                    await ListAsync(cancellationToken);
                }
                var started = time.GetTimestamp();
                var expired = await WatchAsync(cancellationToken);
                failures = 0;
                progress.Restarted(expired ? "expired" : "ended");
                if (expired)
                {
                    Expired();
                }
                else if (time.GetElapsedTime(started) < options.RetryDelay)
                {
                    // A server that keeps closing watches at once must not turn this loop into a busy one.
                    await Task.Delay(options.RetryDelay, time, cancellationToken);
                }
            }
            catch (HttpOperationException error) when (error.Response.StatusCode == HttpStatusCode.Gone)
            {
                Expired();
                progress.Restarted("expired");
            }
            catch (HttpOperationException error) when (error.Response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound)
            {
                await DeniedAsync(error.Response.StatusCode, cancellationToken);
            }
            catch (Exception error) when (!cancellationToken.IsCancellationRequested)
            {
                var delay = TimeSpan.FromTicks(Math.Min(options.MaxRetryDelay.Ticks, options.RetryDelay.Ticks << Math.Min(failures++, 16)));
                logger.WatchFailed(error, kind, Scope, delay);
                progress.Report("Failing", error.Message);
                progress.Restarted("failed");
                await Task.Delay(delay, time, cancellationToken);
            }
        }
    }

    private async Task ListAsync(CancellationToken cancellationToken)
    {
        progress.Report("Listing");
        var list = await source.ListAsync(client, ns, cancellationToken);
        foreach (var problem in list.Unreadable)
        {
            progress.Unreadable(problem);
        }
        inventory.Replace(source.Kind, ns, list.Items);
        inventory.SetScopeProblem(source.Kind, ns ?? "", null);
        progress.Listed(list.Items.Count, list.ResourceVersion);
    }

    /// <summary>Applies watch events until the stream ends; true when it ended because the resourceVersion expired.</summary>
    private async Task<bool> WatchAsync(CancellationToken cancellationToken)
    {
        progress.Report("Watching");
        var expired = false;
        void OnError(Exception error)
        {
            if (error is KubernetesException { Status.Code: (int)HttpStatusCode.Gone })
            {
                expired = true;
            }
            else
            {
                progress.Unreadable($"{kind} watch event in {Scope} could not be read: {error.Message}");
            }
        }
        await foreach (var change in source.WatchAsync(client, ns, progress.ResourceVersion!, OnError, cancellationToken))
        {
            progress.ResourceVersion = change.ResourceVersion ?? progress.ResourceVersion;
            if (change.Unreadable is { } problem)
            {
                progress.Unreadable(problem);
            }
            if (change.Key is null)
            {
                continue;
            }
            progress.Seen();
            if (change.Type == WatchEventType.Deleted)
            {
                inventory.Remove(change.Key);
            }
            else if (change.Object is not null)
            {
                inventory.Upsert(change.Object);
            }
        }
        return expired;
    }

    private void Expired()
    {
        logger.WatchExpired(kind, Scope, progress.ResourceVersion);
        progress.ResourceVersion = null;
    }

    private async Task DeniedAsync(HttpStatusCode status, CancellationToken cancellationToken)
    {
        var forbidden = status == HttpStatusCode.Forbidden;
        var reason = forbidden ? "403 Forbidden" : "404 Not Found";
        logger.ScopeDenied(kind, Scope, reason, options.DeniedRetryDelay);
        progress.ResourceVersion = null;
        progress.Answered(forbidden ? "Forbidden" : "NotServed", reason);
        // A kind that is not served (an optional CRD) is normal; a refused namespace is a problem for its applications.
        if (forbidden)
        {
            inventory.SetScopeProblem(source.Kind, ns ?? "",
                $"Discovery may not list {kind} in {Scope} (403 Forbidden); grant the discovery service account list and watch on {kind}.");
        }
        await Task.Delay(options.DeniedRetryDelay, time, cancellationToken);
    }
}

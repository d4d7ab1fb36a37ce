using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Stowage.LocalCluster.Storage;

namespace Stowage.LocalCluster.Http;

/// <summary>Serves <c>?watch=true</c> as the API server does: HTTP 200, then one JSON <c>{type, object}</c> per line, flushed as it happens.</summary>
internal sealed class WatchStreamer(ObjectStore store, Func<CancellationToken> dropSignal)
{
    public async Task StreamAsync(HttpContext context, ResourceRequest request, LabelSelector labels, FieldSelector fields)
    {
        var query = context.Request.Query;
        long? from = long.TryParse(query["resourceVersion"], NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed > 0 ? parsed : null;
        var timeout = int.TryParse(query["timeoutSeconds"], CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : Timeout.InfiniteTimeSpan;

        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        await context.Response.StartAsync(context.RequestAborted);

        WatchSubscription subscription;
        try
        {
            subscription = store.Subscribe(request.Type, request.Namespace, labels, fields, from);
        }
        catch (ApiException expired)
        {
            await WriteEventAsync(context, "ERROR", StatusResponses.Failure(expired), context.RequestAborted);
            return;
        }

        var dropped = dropSignal();
        using var timeoutSource = new CancellationTokenSource(timeout);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, dropped, timeoutSource.Token);
        using (subscription)
        {
            try
            {
                var metadataOnly = MetadataOnly.Requested(context);
                await foreach (var (type, obj) in subscription.Events.ReadAllAsync(stop.Token))
                {
                    await WriteEventAsync(context, type, metadataOnly ? MetadataOnly.Of(obj) : obj, stop.Token);
                }
            }
            catch (OperationCanceledException) when (dropped.IsCancellationRequested)
            {
                context.Abort();
            }
            catch (OperationCanceledException)
            {
                // The client went away or timeoutSeconds passed: both end the stream normally.
            }
        }
    }

    private static async Task WriteEventAsync(HttpContext context, string type, JsonObject obj, CancellationToken cancellationToken)
    {
        var line = new JsonObject { ["type"] = type, ["object"] = obj }.ToJsonString() + "\n";
        await context.Response.WriteAsync(line, cancellationToken);
        await context.Response.Body.FlushAsync(cancellationToken);
    }
}

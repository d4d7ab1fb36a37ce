using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Stowage.LocalCluster.Kubelet;
using Stowage.LocalCluster.Storage;

namespace Stowage.LocalCluster.Http;

/// <summary>
/// Serves <c>pods/{name}/log</c> as text/plain: <c>container</c> (required when the pod has several), <c>tailLines</c>,
/// and <c>follow=true</c>, which streams new output until the container ends or the client goes away.
/// </summary>
internal sealed class LogStreamer(ObjectStore store, Func<string, string, ContainerLog?> logOf)
{
    public async Task StreamAsync(HttpContext context, ResourceRequest request)
    {
        var pod = store.Get(request.Type, request.Namespace, request.Name!) ?? throw ApiException.NotFound(request.Type.Plural, request.Name!);
        var containers = (pod["spec"]?["containers"] as JsonArray ?? []).Select(c => (string?)c?["name"]).OfType<string>().ToList();
        var container = (string?)context.Request.Query["container"];
        if (string.IsNullOrEmpty(container))
        {
            container = containers.Count == 1 ? containers[0]
                : throw ApiException.BadRequest($"a container name must be specified for pod {request.Name}, choose one of: [{string.Join(' ', containers)}]");
        }
        else if (!containers.Contains(container))
        {
            throw ApiException.BadRequest($"container {container} is not valid for pod {request.Name}");
        }
        var log = logOf((string)pod["metadata"]!["uid"]!, container)
            ?? throw ApiException.BadRequest($"container \"{container}\" in pod \"{request.Name}\" is waiting to start: ContainerCreating");

        context.Response.StatusCode = 200;
        context.Response.ContentType = "text/plain";
        var follow = context.Request.Query["follow"] is ["true" or "1"];
        var aborted = context.RequestAborted;
        var offset = StartOffset(log.Path, context.Request.Query["tailLines"]);
        try
        {
            while (true)
            {
                var ended = log.Ended.IsCompleted;
                offset = await CopyFromAsync(log.Path, offset, context.Response, aborted);
                if (!follow || ended)
                {
                    return;
                }
                await Task.WhenAny(log.Ended, Task.Delay(100, aborted));
            }
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The client stopped following.
        }
    }

    private static long StartOffset(string path, string? tailLines)
    {
        if (!int.TryParse(tailLines, NumberStyles.None, CultureInfo.InvariantCulture, out var lines) || !File.Exists(path))
        {
            return 0;
        }
        var all = File.ReadAllBytes(path);
        var seen = 0;
        for (var i = all.Length - 2; i >= 0; i--)
        {
            if (all[i] == '\n' && ++seen == lines)
            {
                return i + 1;
            }
        }
        return 0;
    }

    private static async Task<long> CopyFromAsync(string path, long offset, HttpResponse response, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return offset;
        }
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        file.Seek(offset, SeekOrigin.Begin);
        var buffer = new byte[64 * 1024];
        int read;
        while ((read = await file.ReadAsync(buffer, cancellationToken)) > 0)
        {
            await response.Body.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            offset += read;
        }
        await response.Body.FlushAsync(cancellationToken);
        return offset;
    }
}

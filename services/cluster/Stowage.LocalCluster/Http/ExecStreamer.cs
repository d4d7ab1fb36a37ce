using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Stowage.LocalCluster.Storage;

namespace Stowage.LocalCluster.Http;

/// <summary>
/// Serves <c>pods/{name}/exec</c> over the websocket <c>v4.channel.k8s.io</c> protocol: each binary message is a
/// channel byte (1 stdout, 2 stderr, 3 status) and data; the status is a <c>Status</c> object, then the server closes.
/// </summary>
internal sealed class ExecStreamer(ObjectStore store, Func<ExecCall, CancellationToken, Task<ExecResult>> run)
{
    private const string Protocol = "v4.channel.k8s.io";

    public async Task StreamAsync(HttpContext context, ResourceRequest request)
    {
        var ns = request.Namespace!;
        var pod = store.Get(request.Type, ns, request.Name!) ?? throw ApiException.NotFound(request.Type.Plural, request.Name!);
        var query = context.Request.Query;
        var command = query["command"].Select(part => part ?? "").ToList();
        if (command.Count == 0)
        {
            throw ApiException.BadRequest("you must specify at least 1 command");
        }
        var container = ContainerOf(pod, request.Name!, query["container"]);
        if (!context.WebSockets.IsWebSocketRequest || !context.WebSockets.WebSocketRequestedProtocols.Contains(Protocol))
        {
            throw ApiException.BadRequest($"the fake API server serves exec only as a websocket with the {Protocol} subprotocol");
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync(Protocol);
        var aborted = context.RequestAborted;
        try
        {
            var result = await run(new ExecCall(ns, request.Name!, container, command), aborted);
            if (query["stdout"] is ["1" or "true"])
            {
                await SendAsync(socket, 1, result.Stdout, aborted);
            }
            if (query["stderr"] is ["1" or "true"])
            {
                await SendAsync(socket, 2, result.Stderr, aborted);
            }
            await SendAsync(socket, 3, StatusOf(result.ExitCode, command).ToJsonString(), aborted);
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, aborted);
        }
        catch (Exception error) when (error is OperationCanceledException or WebSocketException && aborted.IsCancellationRequested)
        {
            // The client went away (it gave up waiting); a real API server ends the session the same way.
        }
    }

    private static string ContainerOf(JsonObject pod, string name, string? requested)
    {
        var containers = (pod["spec"]?["containers"] as JsonArray ?? []).Select(container => (string?)container?["name"]).OfType<string>().ToList();
        if (string.IsNullOrEmpty(requested))
        {
            return containers.Count == 1
                ? containers[0]
                : throw ApiException.BadRequest($"a container name must be specified for pod {name}, choose one of: [{string.Join(' ', containers)}]");
        }
        return containers.Contains(requested)
            ? requested
            : throw ApiException.BadRequest($"container {requested} is not valid for pod {name}");
    }

    private static async Task SendAsync(WebSocket socket, byte channel, string data, CancellationToken cancellationToken)
    {
        if (data.Length == 0)
        {
            return;
        }
        var message = new byte[1 + Encoding.UTF8.GetByteCount(data)];
        message[0] = channel;
        Encoding.UTF8.GetBytes(data, message.AsSpan(1));
        await socket.SendAsync(message, WebSocketMessageType.Binary, endOfMessage: true, cancellationToken);
    }

    /// <summary>The status kubelet reports; KubernetesClient reads the exit code from the <c>ExitCode</c> cause.</summary>
    private static JsonObject StatusOf(int exitCode, IReadOnlyList<string> command) => exitCode == 0
        ? new JsonObject { ["metadata"] = new JsonObject(), ["status"] = "Success" }
        : new JsonObject
        {
            ["metadata"] = new JsonObject(),
            ["status"] = "Failure",
            ["message"] = $"command terminated with non-zero exit code: error executing command [{string.Join(' ', command)}], exit code {exitCode}",
            ["reason"] = "NonZeroExitCode",
            ["details"] = new JsonObject
            {
                ["causes"] = new JsonArray(new JsonObject { ["reason"] = "ExitCode", ["message"] = exitCode.ToString(System.Globalization.CultureInfo.InvariantCulture) }),
            },
        };
}

using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Stowage.LocalSidecar.Hosting;

namespace Stowage.LocalSidecar.Invocation;

/// Dapr service invocation over HTTP (<c>/v1.0/invoke/APPID/method/METHOD</c>), as daprd serves it: the caller's method,
/// query, headers and body go to the target app's channel at <c>/METHOD</c>, and the app's status, headers and body come
/// back unchanged. The caller's dapr-api-token stays with its sidecar; the target gets its own APP_API_TOKEN instead,
/// and dapr-caller-app-id, dapr-callee-app-id and the forwarding headers daprd adds. An unknown app id or an app that
/// does not answer is a 500 ERR_DIRECT_INVOKE; a path without an app id and method a 404 ERR_DIRECT_INVOKE.
internal sealed class ServiceInvoker(IReadOnlyDictionary<string, SidecarApp> apps, HttpMessageInvoker channel)
{
    public const string Prefix = "/v1.0/invoke/";
    private const string ErrorCode = "ERR_DIRECT_INVOKE";

    // Hop-by-hop headers (RFC 9110 7.6.1) and the ones the sidecar itself answers for.
    private static readonly HashSet<string> NotForwarded = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Proxy-Connection", "TE", "Trailer", "Transfer-Encoding", "Upgrade", "Host",
        SidecarTokens.HeaderName, InvocationHeaders.AppId, InvocationHeaders.CallerAppId, InvocationHeaders.CalleeAppId,
    };

    public async Task InvokeAsync(HttpContext context, SidecarApp caller)
    {
        if (InvocationTarget.Parse(RawPath(context)) is not { } target)
        {
            await RefuseAsync(context, StatusCodes.Status404NotFound, "failed getting app id either from the URL path or the header dapr-app-id");
            return;
        }

        if (!apps.TryGetValue(target.AppId, out var callee))
        {
            await RefuseAsync(context, StatusCodes.Status500InternalServerError, $"failed to invoke, id: {target.AppId}, err: couldn't find service: {target.AppId}");
            return;
        }

        using var request = Forward(context, caller, callee, target.Method);
        HttpResponseMessage response;
        try
        {
            response = await channel.SendAsync(request, context.RequestAborted);
        }
        catch (HttpRequestException exception)
        {
            await RefuseAsync(context, StatusCodes.Status500InternalServerError, $"failed to invoke, id: {target.AppId}, err: {exception.Message}");
            return;
        }

        using (response)
        {
            context.Response.StatusCode = (int)response.StatusCode;
            foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
            {
                if (!NotForwarded.Contains(name))
                {
                    context.Response.Headers[name] = values.ToArray();
                }
            }

            await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
        }
    }

    private static HttpRequestMessage Forward(HttpContext context, SidecarApp caller, SidecarApp callee, string method)
    {
        var incoming = context.Request;
        var request = callee.Call(new HttpMethod(incoming.Method), method + incoming.QueryString.Value);
        if (incoming.ContentLength > 0 || incoming.Headers.ContainsKey("Transfer-Encoding"))
        {
            request.Content = new StreamContent(incoming.Body);
        }

        foreach (var (name, values) in incoming.Headers)
        {
            if (NotForwarded.Contains(name))
            {
                continue;
            }

            if (!request.Headers.TryAddWithoutValidation(name, values.ToArray()))
            {
                request.Content?.Headers.TryAddWithoutValidation(name, values.ToArray());
            }
        }

        var remote = context.Connection.RemoteIpAddress?.ToString() ?? IPAddress.Loopback.ToString();
        request.Headers.TryAddWithoutValidation(InvocationHeaders.CallerAppId, caller.AppId);
        request.Headers.TryAddWithoutValidation(InvocationHeaders.CalleeAppId, callee.AppId);
        request.Headers.TryAddWithoutValidation("X-Forwarded-For", remote);
        request.Headers.TryAddWithoutValidation("X-Forwarded-Host", incoming.Host.Value);
        request.Headers.TryAddWithoutValidation("Forwarded", $"for={remote};by={context.Connection.LocalIpAddress};host={incoming.Host.Value}");
        return request;
    }

    // daprd reads the app id and method from the raw path, so an escaped character in the method reaches the app escaped.
    private static string RawPath(HttpContext context)
    {
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? "";
        var query = target.IndexOf('?', StringComparison.Ordinal);
        return query < 0 ? target : target[..query];
    }

    private static Task RefuseAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new { errorCode = ErrorCode, message });
    }
}

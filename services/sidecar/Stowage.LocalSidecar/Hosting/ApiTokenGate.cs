using Microsoft.AspNetCore.Http;

namespace Stowage.LocalSidecar.Hosting;

/// daprd's API token check: with DAPR_API_TOKEN set, every call to the sidecar's API must carry it in the dapr-api-token
/// header (gRPC metadata travels as headers). A gRPC call without it, or with another, ends with status Unauthenticated
/// and an HTTP call with 401, before any handler runs. The health endpoints stay open for probes, as in daprd.
internal sealed class ApiTokenGate(RequestDelegate next, SidecarApp app)
{
    private const string Refusal = "authentication error: the dapr-api-token is missing or wrong";

    public Task InvokeAsync(HttpContext context)
    {
        if (app.Tokens.ApiToken is not { } expected ||
            context.Request.Path.StartsWithSegments("/v1.0/healthz") ||
            SidecarTokens.Matches(expected, context.Request.Headers[SidecarTokens.HeaderName].FirstOrDefault()))
        {
            return next(context);
        }

        if (context.Request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) == true)
        {
            // A trailers-only answer: the status travels in the headers and there is no message.
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = "application/grpc";
            context.Response.Headers["grpc-status"] = "16";
            context.Response.Headers["grpc-message"] = Refusal;
            return Task.CompletedTask;
        }

        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        return context.Response.WriteAsJsonAsync(new { errorCode = "ERR_UNAUTHENTICATED", message = Refusal });
    }
}

using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Stowage.Common.Messaging;

/// <summary>
/// Lets only the Dapr sidecar call the routes that only it calls: <c>/dapr/*</c> (subscriptions, configuration) and
/// every pub/sub delivery route under <see cref="EventRoutes.Prefix"/>. With APP_API_TOKEN configured, daprd sends it
/// in the <c>dapr-api-token</c> header of every call to its app; a call without it, or with another, is answered 401
/// before its body is read, so nothing it says is acted on. Without APP_API_TOKEN every call passes, as with daprd.
/// Health, OpenAPI and the REST API are not sidecar-only.
/// </summary>
public sealed partial class SidecarOnlyRoutes(RequestDelegate next, IConfiguration configuration, ILogger<SidecarOnlyRoutes> logger)
{
    public const string HeaderName = "dapr-api-token";

    private readonly byte[]? expected = Dapr.DaprDefaults.GetDefaultAppApiToken(configuration) is { Length: > 0 } token
        ? Encoding.UTF8.GetBytes(token)
        : null;

    public Task InvokeAsync(HttpContext context)
    {
        if (expected is null || !IsSidecarOnly(context.Request.Path) || Presents(context.Request.Headers[HeaderName])) return next(context);

        LogRefused(context.Request.Method, context.Request.Path, context.Request.Headers.ContainsKey(HeaderName));
        return Results.Problem(
            statusCode: StatusCodes.Status401Unauthorized,
            title: "Only the Dapr sidecar may call this route.",
            detail: $"The {HeaderName} header is missing or is not this app's APP_API_TOKEN.").ExecuteAsync(context);
    }

    private static bool IsSidecarOnly(PathString path) =>
        path.StartsWithSegments("/dapr", StringComparison.OrdinalIgnoreCase) ||
        path.StartsWithSegments(EventRoutes.Prefix, StringComparison.OrdinalIgnoreCase);

    private bool Presents(string? token) =>
        token is not null && CryptographicOperations.FixedTimeEquals(expected, Encoding.UTF8.GetBytes(token));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused {Method} {Path}: not from the Dapr sidecar (token header present: {HeaderPresent})")]
    private partial void LogRefused(string method, string path, bool headerPresent);
}

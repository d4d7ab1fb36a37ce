using System.Globalization;
using Microsoft.Net.Http.Headers;

namespace Stowage.Policy.Api;

/// <summary>A policy's ETag is its stream version in quotes; If-Match carries it back for optimistic concurrency.</summary>
internal static class IfMatch
{
    public static string Format(long version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    public static long Required(HttpRequest request) =>
        Optional(request) ?? throw new PreconditionRequiredException();

    public static long? Optional(HttpRequest request)
    {
        var header = request.Headers[HeaderNames.IfMatch].ToString();
        if (string.IsNullOrWhiteSpace(header)) return null;
        var value = header.Trim();
        if (value.StartsWith("W/", StringComparison.Ordinal)) value = value[2..];
        return long.TryParse(value.Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? version
            : throw new BadHttpRequestException($"If-Match '{header}' is not a policy version such as \"3\".");
    }
}

internal sealed class PreconditionRequiredException()
    : Exception("This change needs an If-Match header with the policy's current ETag (its version), so concurrent edits are not lost.");

internal sealed class ETaggedResult(IResult inner, string etag) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.Headers.ETag = etag;
        return inner.ExecuteAsync(httpContext);
    }
}

using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Stowage.Common.Hosting;

/// <summary>
/// A body that is not valid JSON, or has a value of the wrong type, becomes a 400 problem naming the field
/// by its JSON path (for example "retention.keepLast"), like the validation errors do.
/// </summary>
internal sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad) return false;

        httpContext.Response.StatusCode = bad.StatusCode;
        var details = new HttpValidationProblemDetails { Status = bad.StatusCode, Title = "The request is malformed.", Detail = bad.Message };
        if (bad.InnerException is JsonException json)
        {
            var field = FieldOf(json.Path);
            details.Detail = $"'{field}' has a value of the wrong type or format.";
            details.Errors[field] = [details.Detail];
        }
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = details, Exception = exception });
    }

    private static string FieldOf(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "body" : path.TrimStart('$', '.');
}

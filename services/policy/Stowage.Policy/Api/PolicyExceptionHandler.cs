using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Net.Http.Headers;
using Stowage.Common.EventSourcing;
using Stowage.Policy.Domain;

namespace Stowage.Policy.Api;

/// <summary>Domain refusals as problem details: 404 unknown, 409 contradicts state, 412 stale version, 428 no If-Match.</summary>
internal sealed class PolicyExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var status = exception switch
        {
            PolicyNotFound => StatusCodes.Status404NotFound,
            PolicyRuleViolation => StatusCodes.Status409Conflict,
            StreamVersionConflictException when httpContext.Request.Headers.ContainsKey(HeaderNames.IfMatch) => StatusCodes.Status412PreconditionFailed,
            StreamVersionConflictException => StatusCodes.Status409Conflict,
            PreconditionRequiredException => StatusCodes.Status428PreconditionRequired,
            _ => 0,
        };
        if (status == 0) return false;

        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = { Status = status, Title = exception.Message },
            Exception = exception,
        });
    }
}

using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Stowage.Common.Access;

/// <summary>A missing permission becomes 403 naming it; an API server that cannot be asked becomes 503.</summary>
internal sealed class AccessExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var details = exception switch
        {
            AccessDeniedException denied => new ProblemDetails
            {
                Status = StatusCodes.Status403Forbidden,
                Title = "Forbidden.",
                Detail = denied.Message,
                Extensions =
                {
                    ["permission"] = new { verb = denied.Permission.Verb, group = denied.Permission.Group, resource = denied.Permission.Resource, @namespace = denied.Permission.Namespace },
                },
            },
            AccessReviewUnavailableException unavailable => new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable, Title = "Cannot check the caller's access.", Detail = unavailable.Message,
            },
            _ => null,
        };
        if (details is null) return false;
        httpContext.Response.StatusCode = details.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = details, Exception = exception });
    }
}

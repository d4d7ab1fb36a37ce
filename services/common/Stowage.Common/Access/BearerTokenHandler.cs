using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Stowage.Common.Access;

/// <summary>
/// Authenticates "Authorization: Bearer TOKEN" with a TokenReview. Without a valid token the answer is 401 with a
/// problem-details body (and WWW-Authenticate: Bearer), whatever the route.
/// </summary>
public sealed class BearerTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IAccessReview review)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "KubernetesToken";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        // Probes and the sidecar's routes never wait on the API server (ASP.NET authenticates every request with its only scheme).
        if (Context.GetEndpoint()?.Metadata.GetMetadata<IAllowAnonymous>() is not null) return AuthenticateResult.NoResult();
        if (TokenOf(Request) is not { } token) return AuthenticateResult.NoResult();
        var caller = await review.AuthenticateAsync(token, Context.RequestAborted);
        return caller is null
            ? AuthenticateResult.Fail("The bearer token is not valid: Kubernetes' TokenReview did not authenticate it.")
            : AuthenticateResult.Success(new AuthenticationTicket(caller.ToPrincipal(SchemeName), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await Context.AuthenticateAsync(SchemeName);
        Response.Headers.WWWAuthenticate = "Bearer";
        await Results.Problem(
            statusCode: StatusCodes.Status401Unauthorized,
            title: "Authentication required.",
            detail: result.Failure?.Message ?? "Send a Kubernetes bearer token in the Authorization header (a service account token, or your kubeconfig's).")
            .ExecuteAsync(Context);
    }

    /// <summary>The bearer token of a request, or null when it has none.</summary>
    public static string? TokenOf(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return null;
        var token = header["Bearer ".Length..].Trim();
        return token.Length > 0 ? token : null;
    }
}

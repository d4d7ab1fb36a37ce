using Microsoft.AspNetCore.Http;
using Stowage.LocalCluster.Authentication;
using Stowage.LocalCluster.Authorization;

namespace Stowage.LocalCluster.Http;

/// <summary>
/// The apiserver's authentication and authorization filters. With <paramref name="enforce"/> a request needs a valid
/// bearer token (else 401) and its user needs an RBAC grant (else 403); without it every request without a valid token
/// runs as <paramref name="admin"/> and nothing is checked, except the namespaces a test denies.
/// </summary>
internal sealed class RequestAccess(TokenAuthenticator tokens, RbacAuthorizer authorizer, UserInfo admin, bool enforce, Func<string, bool> isDenied)
{
    public UserInfo Admit(HttpContext context, RequestAttributes request)
    {
        var user = BearerToken(context.Request) is { } token ? tokens.Authenticate(token, []).User : null;
        if (user is null)
        {
            if (enforce)
            {
                throw Storage.ApiException.Unauthorized();
            }
            user = admin;
        }
        if (request is { IsResourceRequest: true, Namespace.Length: > 0 } && request.Resource != "namespaces" && isDenied(request.Namespace))
        {
            throw ForbiddenErrors.For(request, user.Name, "");
        }
        if (enforce)
        {
            Require(user, request);
            // A websocket exec, attach or port-forward is a GET, and the apiserver also asks for create on it, as SPDY's POST
            // does (AuthorizePodWebsocketUpgradeCreatePermission, on by default since 1.35): such a role needs both verbs.
            if (request is { Verb: "get", Resource: "pods", Subresource: "exec" or "attach" or "portforward" })
            {
                Require(user, request with { Verb = "create" });
            }
        }
        return user;
    }

    private void Require(UserInfo user, RequestAttributes request)
    {
        var decision = authorizer.Authorize(user, request);
        if (!decision.Allowed)
        {
            throw ForbiddenErrors.For(request, user.Name, decision.Reason);
        }
    }

    private static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string Scheme = "Bearer ";
        return header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) && header.Length > Scheme.Length ? header[Scheme.Length..].Trim() : null;
    }
}

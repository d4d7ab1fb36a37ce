using Stowage.Common.Access;

namespace Stowage.Console.Access;

/// <summary>Who is looking: the caller a bearer token belongs to (as Kubernetes' TokenReview names them) and the token itself, forwarded to the services.</summary>
public sealed record Viewer(Caller Caller, string? Token)
{
    public string UserName => Caller.UserName;
}

/// <summary>
/// Who a token belongs to and what they may do: Kubernetes decides (TokenReview, then SubjectAccessReview on
/// stowage.io resources in the application's namespace, <see cref="StowageResources"/>, as the services ask it), so
/// teams are granted the console with ordinary Roles.
/// </summary>
public interface IViewerAccess
{
    /// <summary>The viewer a token names, or null when the token is missing, invalid or expired.</summary>
    Task<Viewer?> AuthenticateAsync(string? token, CancellationToken ct);

    Task<bool> MayAsync(Viewer viewer, Permission permission, CancellationToken ct);
}

namespace Stowage.Common.Access;

/// <summary>Who a bearer token belongs to and what they may do; Kubernetes decides (TokenReview, SubjectAccessReview).</summary>
public interface IAccessReview
{
    /// <summary>The caller the token names, or null when it is not a valid token.</summary>
    Task<Caller?> AuthenticateAsync(string token, CancellationToken ct);

    Task<bool> IsAllowedAsync(Caller caller, Permission permission, CancellationToken ct);
}

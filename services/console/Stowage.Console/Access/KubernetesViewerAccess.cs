using Stowage.Common.Access;

namespace Stowage.Console.Access;

/// <summary>The services' own TokenReview and SubjectAccessReview (cached), asked about the console's viewer.</summary>
internal sealed class KubernetesViewerAccess(IAccessReview review) : IViewerAccess
{
    public async Task<Viewer?> AuthenticateAsync(string? token, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(token)) return null;
        return await review.AuthenticateAsync(token, ct) is { } caller
            ? new Viewer(caller, token)
            : null;
    }

    public Task<bool> MayAsync(Viewer viewer, Permission permission, CancellationToken ct) => review.IsAllowedAsync(viewer.Caller, permission, ct);
}

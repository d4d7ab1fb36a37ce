using Stowage.Common.Access;

namespace Stowage.Console.Access;

/// <summary>The services' own TokenReview and SubjectAccessReview (cached), asked about the console's viewer.</summary>
internal sealed class KubernetesViewerAccess(IAccessReview review) : IViewerAccess
{
    public async Task<Viewer?> AuthenticateAsync(string? token, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(token)) return null;
        return await review.AuthenticateAsync(token, ct) is { } caller
            ? new Viewer(caller.UserName, caller.Uid, caller.Groups, caller.Extra, token)
            : null;
    }

    public Task<bool> MayAsync(Viewer viewer, ViewerAction action, CancellationToken ct) =>
        review.IsAllowedAsync(new Caller(viewer.UserName, viewer.Uid, viewer.Groups, viewer.Extra), new Permission(action.Verb, action.Resource, action.Namespace), ct);
}

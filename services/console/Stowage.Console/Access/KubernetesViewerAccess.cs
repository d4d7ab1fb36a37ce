using k8s;
using k8s.Models;

namespace Stowage.Console.Access;

/// <summary>TokenReview and SubjectAccessReview against the cluster's API server, with the console's own service account.</summary>
internal sealed class KubernetesViewerAccess(IKubernetes kubernetes) : IViewerAccess
{
    public const string ApiGroup = "stowage.io";

    public async Task<Viewer?> AuthenticateAsync(string? token, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(token)) return null;
        var review = await kubernetes.AuthenticationV1.CreateTokenReviewAsync(new V1TokenReview { Spec = new V1TokenReviewSpec { Token = token } }, cancellationToken: ct);
        if (review.Status is not { Authenticated: true, User: { } user }) return null;
        var extra = (user.Extra ?? new Dictionary<string, IList<string>>()).ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value.ToList());
        return new Viewer(user.Username, user.Uid, (user.Groups ?? []).ToList(), extra, token);
    }

    public async Task<bool> MayAsync(Viewer viewer, ViewerAction action, CancellationToken ct)
    {
        var review = await kubernetes.AuthorizationV1.CreateSubjectAccessReviewAsync(new V1SubjectAccessReview
        {
            Spec = new V1SubjectAccessReviewSpec
            {
                User = viewer.UserName,
                Uid = viewer.Uid,
                Groups = viewer.Groups.ToList(),
                Extra = viewer.Extra.ToDictionary(p => p.Key, p => (IList<string>)p.Value.ToList()),
                ResourceAttributes = new V1ResourceAttributes { Group = ApiGroup, Resource = action.Resource, Verb = action.Verb, NamespaceProperty = action.Namespace },
            },
        }, cancellationToken: ct);
        return review.Status?.Allowed == true;
    }
}

using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Stowage.Common.Access;

/// <summary>
/// TokenReview and SubjectAccessReview with the service's own account, each answer kept for
/// <see cref="AccessOptions.CacheFor"/> (as the API server's webhook authenticator and authorizer cache theirs), so a
/// page of requests costs one review. Tokens are cached by their SHA-256, never as themselves.
/// </summary>
public sealed class KubernetesAccessReview(IKubernetes kubernetes, IMemoryCache cache, IOptions<AccessOptions> options) : IAccessReview
{
    private static readonly ActivitySource Source = new("Stowage.Access");
    private static readonly Meter Meter = new("Stowage.Access");
    private static readonly Counter<long> Reviews = Meter.CreateCounter<long>("stowage.access.reviews", description: "TokenReviews and SubjectAccessReviews asked of the API server, by kind and answer.");

    public async Task<Caller?> AuthenticateAsync(string token, CancellationToken ct)
    {
        var key = "token:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
        if (cache.TryGetValue(key, out Caller? known)) return known;

        using var activity = Source.StartActivity("TokenReview");
        var review = await AskAsync(() => kubernetes.AuthenticationV1.CreateTokenReviewAsync(
            new V1TokenReview { Spec = new V1TokenReviewSpec { Token = token } }, cancellationToken: ct));
        var caller = review.Status is { Authenticated: true, User: { Username: { Length: > 0 } name } user }
            ? new Caller(name, user.Uid, (user.Groups ?? []).ToList(),
                (user.Extra ?? new Dictionary<string, IList<string>>()).ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value.ToList()))
            : null;
        Reviews.Add(1, new("kind", "token"), new("answer", caller is null ? "invalid" : "authenticated"));
        activity?.SetTag("stowage.access.authenticated", caller is not null);
        Keep(key, caller);
        return caller;
    }

    public async Task<bool> IsAllowedAsync(Caller caller, Permission permission, CancellationToken ct)
    {
        var key = $"access:{caller.UserName}\n{caller.Uid}\n{string.Join(',', caller.Groups)}\n{permission}";
        if (cache.TryGetValue(key, out bool known)) return known;

        using var activity = Source.StartActivity("SubjectAccessReview");
        activity?.SetTag("stowage.access.permission", permission.ToString());
        var review = await AskAsync(() => kubernetes.AuthorizationV1.CreateSubjectAccessReviewAsync(new V1SubjectAccessReview
        {
            Spec = new V1SubjectAccessReviewSpec
            {
                User = caller.UserName,
                Uid = caller.Uid,
                Groups = caller.Groups.ToList(),
                Extra = caller.Extra.ToDictionary(p => p.Key, p => (IList<string>)p.Value.ToList()),
                ResourceAttributes = ResourceOf(permission),
            },
        }, cancellationToken: ct));
        var allowed = review.Status?.Allowed == true;
        Reviews.Add(1, new("kind", "access"), new("answer", allowed ? "allowed" : "denied"));
        activity?.SetTag("stowage.access.allowed", allowed);
        Keep(key, allowed);
        return allowed;
    }

    // A zero CacheFor asks every time (tests that change Roles between calls).
    private void Keep<T>(string key, T answer)
    {
        if (options.Value.CacheFor > TimeSpan.Zero) cache.Set(key, answer, options.Value.CacheFor);
    }

    private static V1ResourceAttributes ResourceOf(Permission permission)
    {
        var parts = permission.Resource.Split('/', 2);
        return new V1ResourceAttributes
        {
            Group = permission.Group,
            Resource = parts[0],
            Subresource = parts.Length > 1 ? parts[1] : null,
            Verb = permission.Verb,
            NamespaceProperty = permission.Namespace,
        };
    }

    private static async Task<T> AskAsync<T>(Func<Task<T>> review)
    {
        try
        {
            return await review();
        }
        catch (Exception error) when (error is HttpRequestException or HttpOperationException)
        {
            throw new AccessReviewUnavailableException(error);
        }
    }
}

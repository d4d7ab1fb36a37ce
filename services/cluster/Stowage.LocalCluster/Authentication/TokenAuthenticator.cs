using System.Collections.Concurrent;
using System.Security.Cryptography;
using Stowage.LocalCluster.Resources;
using Stowage.LocalCluster.Storage;

namespace Stowage.LocalCluster.Authentication;

/// <summary>
/// Bearer tokens, as an apiserver with a static token file and the service-account token authenticator knows them.
/// Every authenticated user is also in system:authenticated, as the apiserver's group adder makes them.
/// </summary>
internal sealed class TokenAuthenticator(ObjectStore store, TimeProvider time)
{
    /// <summary>The audience the apiserver's tokens are for when a request names none (its --api-audiences).</summary>
    public const string DefaultAudience = "https://kubernetes.default.svc.cluster.local";

    private readonly ConcurrentDictionary<string, UserInfo> staticTokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ServiceAccountToken> serviceAccountTokens = new(StringComparer.Ordinal);

    public string IssueStatic(string user, IEnumerable<string> groups)
    {
        var token = NewToken();
        staticTokens[token] = UserInfo.Of(user, groups.Append(UserInfo.Authenticated).Distinct());
        return token;
    }

    public string IssueForServiceAccount(ServiceAccountToken binding)
    {
        var token = NewToken();
        serviceAccountTokens[token] = binding;
        return token;
    }

    /// <summary>The token's user and the audiences it is good for, or null with the reason a TokenReview reports.</summary>
    public (UserInfo? User, IReadOnlyList<string> Audiences, string Error) Authenticate(string token, IReadOnlyList<string> audiences)
    {
        var wanted = audiences.Count > 0 ? audiences : [DefaultAudience];
        if (staticTokens.TryGetValue(token, out var user))
        {
            return (user, wanted, "");
        }
        if (!serviceAccountTokens.TryGetValue(token, out var bound))
        {
            return (null, [], "[invalid bearer token, service account token has been invalidated]");
        }
        var matching = bound.Audiences.Intersect(wanted).ToList();
        if (matching.Count == 0)
        {
            return (null, [], "[invalid bearer token, token audiences " + Quoted(bound.Audiences) + " is invalid for the target audiences " + Quoted(wanted) + "]");
        }
        if (time.GetUtcNow() >= bound.Expires)
        {
            return (null, [], "[invalid bearer token, service account token has expired]");
        }
        if (Missing(BuiltInResourceTypes.ServiceAccounts, bound.Namespace, bound.Name, bound.Uid))
        {
            return (null, [], $"[invalid bearer token, serviceaccounts \"{bound.Name}\" not found]");
        }
        if (bound.BoundTo is { } obj && Missing(obj.Kind == "Pod" ? BuiltInResourceTypes.Pods : BuiltInResourceTypes.Secrets, bound.Namespace, obj.Name, obj.Uid))
        {
            return (null, [], $"[invalid bearer token, {obj.Kind.ToLowerInvariant()}s \"{obj.Name}\" not found]");
        }
        return (UserOf(bound), matching, "");
    }

    private bool Missing(FakeResourceType type, string ns, string name, string uid) =>
        (string?)store.Get(type, ns, name)?["metadata"]?["uid"] != uid;

    private static UserInfo UserOf(ServiceAccountToken bound)
    {
        var extra = new Dictionary<string, IReadOnlyList<string>> { ["authentication.kubernetes.io/credential-id"] = ["JTI=" + bound.CredentialId] };
        if (bound.BoundTo is { Kind: "Pod" } pod)
        {
            extra["authentication.kubernetes.io/pod-name"] = [pod.Name];
            extra["authentication.kubernetes.io/pod-uid"] = [pod.Uid];
        }
        return new UserInfo(UserInfo.ServiceAccountName(bound.Namespace, bound.Name), bound.Uid,
            ["system:serviceaccounts", $"system:serviceaccounts:{bound.Namespace}", UserInfo.Authenticated], extra);
    }

    private static string Quoted(IEnumerable<string> values) => "[" + string.Join(" ", values.Select(value => $"\"{value}\"")) + "]";

    private static string NewToken() => Base64Url(RandomNumberGenerator.GetBytes(32));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

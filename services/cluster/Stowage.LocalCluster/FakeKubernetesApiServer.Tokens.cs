namespace Stowage.LocalCluster;

/// <summary>Bearer tokens: the admin's, and tokens for test users, as a static token file gives them.</summary>
public sealed partial class FakeKubernetesApiServer
{
    /// <summary>A token for <see cref="AdminUser"/> in group system:masters, which may do anything.</summary>
    public string AdminToken { get; }

    /// <summary>
    /// A new token that authenticates as <paramref name="user"/> in <paramref name="groups"/> (and system:authenticated),
    /// like a line of the apiserver's static token file. What the user may do is up to the RBAC objects stored.
    /// Service accounts get theirs from the TokenRequest API (<c>POST .../serviceaccounts/{name}/token</c>).
    /// </summary>
    public string IssueToken(string user, params IEnumerable<string> groups) => tokens.IssueStatic(user, groups);
}

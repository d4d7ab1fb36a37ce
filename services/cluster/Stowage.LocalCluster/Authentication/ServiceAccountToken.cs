namespace Stowage.LocalCluster.Authentication;

/// <summary>
/// What a token from the TokenRequest API is bound to: the service account (and optionally a Pod or Secret) by UID,
/// so it stops authenticating when they are deleted, even if an object of the same name comes back.
/// </summary>
internal sealed record ServiceAccountToken(
    string Namespace,
    string Name,
    string Uid,
    string CredentialId,
    IReadOnlyList<string> Audiences,
    DateTimeOffset Expires,
    BoundObject? BoundTo);

/// <summary>The Pod or Secret a token is bound to.</summary>
internal sealed record BoundObject(string Kind, string Name, string Uid);

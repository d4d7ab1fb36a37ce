namespace Stowage.LocalCluster.Resources;

/// <summary>A kind the fake API server serves: its group, version, plural and scope, as API discovery reports it.</summary>
/// <param name="Group">The API group; empty for the core group.</param>
/// <param name="Version">The served version, e.g. <c>v1</c>.</param>
/// <param name="Kind">The kind, e.g. <c>StatefulSet</c>.</param>
/// <param name="Plural">The resource name in URLs, e.g. <c>statefulsets</c>.</param>
/// <param name="Namespaced">Whether objects live in a namespace.</param>
/// <param name="ShortNames">Short names kubectl accepts, e.g. <c>sts</c>.</param>
public sealed record FakeResourceType(
    string Group,
    string Version,
    string Kind,
    string Plural,
    bool Namespaced,
    IReadOnlyList<string>? ShortNames = null)
{
    /// <summary>The apiVersion objects of this type carry: <c>v1</c> or <c>group/version</c>.</summary>
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary>The kind's lower-case singular name.</summary>
    public string SingularName => Kind.ToLowerInvariant();
}

namespace Stowage.Common.Kubernetes;

/// <summary>Reading an object's <c>apiVersion</c>: <c>group/version</c>, or just <c>version</c> for the core group.</summary>
public static class ApiVersions
{
    /// <summary>The API group, "" for the core group (<c>v1</c>).</summary>
    public static string GroupOf(string apiVersion) => apiVersion.Contains('/') ? apiVersion[..apiVersion.IndexOf('/')] : "";
}

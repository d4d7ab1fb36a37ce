using Stowage.LocalCluster.Resources;
using Stowage.LocalCluster.Storage;

namespace Stowage.LocalCluster.Http;

/// <summary>A request path resolved to a served kind: <c>/api/v1/namespaces/ns/pods/name/status</c> and the like.</summary>
internal sealed record ResourceRequest(FakeResourceType Type, string? Namespace, string? Name, string? Subresource)
{
    public static ResourceRequest? Parse(string path, ResourceTypeRegistry registry)
    {
        var segments = path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        string group, version;
        int rest;
        if (segments is ["api", var coreVersion, _, ..])
        {
            (group, version, rest) = ("", coreVersion, 2);
        }
        else if (segments is ["apis", var apiGroup, var groupVersion, _, ..])
        {
            (group, version, rest) = (apiGroup, groupVersion, 3);
        }
        else
        {
            return null;
        }
        var tail = segments[rest..];
        string? ns = null;
        if (tail is ["namespaces", var nsName, var plural, ..] && registry.FindByPlural(group, version, plural) is { Namespaced: true })
        {
            ns = nsName;
            tail = tail[2..];
        }
        var type = registry.FindByPlural(group, version, tail[0]) ?? throw ApiException.NotFound("resource", tail[0]);
        return new ResourceRequest(type, ns, tail.ElementAtOrDefault(1), tail.ElementAtOrDefault(2));
    }
}

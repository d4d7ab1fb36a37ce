using System.Text.Json.Nodes;
using Stowage.LocalCluster.Storage;

namespace Stowage.LocalCluster.Authorization;

/// <summary>The 403 the apiserver writes for a denied request (endpoints/handlers/responsewriters.Forbidden and apierrors.NewForbidden).</summary>
internal static class ForbiddenErrors
{
    public static ApiException For(RequestAttributes request, string user, string reason)
    {
        var message = Describe(request, user);
        if (reason.Length > 0)
        {
            message += ": " + reason;
        }
        if (!request.IsResourceRequest)
        {
            return new ApiException(403, "Forbidden", "forbidden: " + message, new JsonObject());
        }
        var qualified = request.Group.Length == 0 ? request.Resource : $"{request.Resource}.{request.Group}";
        var details = new JsonObject();
        if (request.Name.Length > 0)
        {
            details["name"] = request.Name;
        }
        if (request.Group.Length > 0)
        {
            details["group"] = request.Group;
        }
        details["kind"] = request.Resource;
        return new ApiException(403, "Forbidden",
            request.Name.Length == 0 ? $"{qualified} is forbidden: {message}" : $"{qualified} \"{request.Name}\" is forbidden: {message}", details);
    }

    private static string Describe(RequestAttributes request, string user)
    {
        if (!request.IsResourceRequest)
        {
            return $"User \"{user}\" cannot {request.Verb} path \"{request.Path}\"";
        }
        var scope = request.Namespace.Length > 0 ? $"in the namespace \"{request.Namespace}\"" : "at the cluster scope";
        return $"User \"{user}\" cannot {request.Verb} resource \"{request.CombinedResource}\" in API group \"{request.Group}\" {scope}";
    }
}

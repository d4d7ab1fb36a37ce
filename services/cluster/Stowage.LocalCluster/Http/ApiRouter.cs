using Microsoft.AspNetCore.Http;
using Stowage.LocalCluster.Authorization;
using Stowage.LocalCluster.Resources;
using Stowage.LocalCluster.Storage;

namespace Stowage.LocalCluster.Http;

/// <summary>
/// Admits each request (authentication, authorization), sends it to discovery, the reviews or the resource handler,
/// and turns failures into Kubernetes Status bodies.
/// </summary>
internal sealed class ApiRouter(ResourceTypeRegistry registry, RequestAccess access, ReviewHandler reviews, ResourceHandler resources, Func<string> serverAddress)
{
    public async Task RouteAsync(HttpContext context)
    {
        try
        {
            var path = context.Request.Path.Value ?? "/";
            var attributes = RequestAttributes.Of(context.Request);
            var user = access.Admit(context, attributes);
            if (ReviewHandler.Handles(attributes))
            {
                await reviews.HandleAsync(context, attributes, user);
                return;
            }
            if (DiscoveryDocumentFor(path) is { } document)
            {
                await StatusResponses.WriteAsync(context, 200, document);
                return;
            }
            var request = ResourceRequest.Parse(path, registry) ?? throw ApiException.NotFound("path", path);
            await resources.HandleAsync(context, request);
        }
        catch (ApiException error) when (!context.Response.HasStarted)
        {
            await StatusResponses.WriteFailureAsync(context, error);
        }
        catch (Exception error) when (error is FormatException or System.Text.Json.JsonException or InvalidOperationException && !context.Response.HasStarted)
        {
            await StatusResponses.WriteFailureAsync(context, ApiException.BadRequest(error.Message));
        }
    }

    private System.Text.Json.Nodes.JsonObject? DiscoveryDocumentFor(string path)
    {
        var segments = path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments switch
        {
            ["version"] => DiscoveryDocuments.Version(),
            ["api"] => DiscoveryDocuments.CoreVersions(serverAddress()),
            ["api", var version] => DiscoveryDocuments.ResourceList(version, registry.InGroupVersion("", version)),
            ["apis"] => DiscoveryDocuments.GroupList(registry),
            ["apis", var group] when registry.All().Any(type => type.Group == group) =>
                DiscoveryDocuments.Group(group, registry.All().Where(type => type.Group == group).Select(type => type.Version)),
            ["apis", var group, var version] when registry.InGroupVersion(group, version).Count > 0 =>
                DiscoveryDocuments.ResourceList($"{group}/{version}", registry.InGroupVersion(group, version)),
            _ => null,
        };
    }
}

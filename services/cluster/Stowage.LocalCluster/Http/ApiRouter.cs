using Microsoft.AspNetCore.Http;
using Stowage.LocalCluster.Resources;
using Stowage.LocalCluster.Storage;

namespace Stowage.LocalCluster.Http;

/// <summary>Sends each request to discovery or to the resource handler, and turns failures into Kubernetes Status bodies.</summary>
internal sealed class ApiRouter(ResourceTypeRegistry registry, ResourceHandler resources, Func<string> serverAddress)
{
    public async Task RouteAsync(HttpContext context)
    {
        try
        {
            var path = context.Request.Path.Value ?? "/";
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

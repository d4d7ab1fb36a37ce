using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Stowage.LocalCluster.Resources;
using Stowage.LocalCluster.Storage;

namespace Stowage.LocalCluster.Http;

/// <summary>CRUD, list and watch on any served kind, and pod exec, with the status codes and bodies a real API server returns.</summary>
internal sealed class ResourceHandler(ObjectStore store, WatchStreamer watches, ExecStreamer exec, TokenRequestHandler tokenRequests)
{
    public LogStreamer? Logs { get; init; }

    public Func<HttpContext, ResourceRequest, Task>? BeforeDelete { get; init; }

    public async Task HandleAsync(HttpContext context, ResourceRequest request)
    {
        var method = context.Request.Method;
        if (request is { Subresource: "exec", Type: { Group: "", Plural: "pods" } })
        {
            await exec.StreamAsync(context, request);
            return;
        }
        if (request is { Subresource: "token", Type: { Group: "", Plural: "serviceaccounts" } })
        {
            await tokenRequests.HandleAsync(context, request);
            return;
        }
        if (request is { Subresource: "log", Type: { Group: "", Plural: "pods" } } && Logs is not null && HttpMethods.IsGet(method))
        {
            await Logs.StreamAsync(context, request);
            return;
        }
        if (HttpMethods.IsDelete(method) && request.Name is not null && BeforeDelete is not null)
        {
            await BeforeDelete(context, request);
        }
        var query = context.Request.Query;
        if (HttpMethods.IsGet(method) && request.Name is null)
        {
            var labels = LabelSelector.Parse(query["labelSelector"]);
            var fields = FieldSelector.Parse(query["fieldSelector"]);
            if (query["watch"] is ["true" or "1"])
            {
                await watches.StreamAsync(context, request, labels, fields);
                return;
            }
            var (items, version) = store.List(request.Type, request.Namespace, labels, fields);
            var list = ListOf(request.Type, items, version);
            await StatusResponses.WriteAsync(context, 200, MetadataOnly.Requested(context) ? MetadataOnly.ListOf(list) : list);
            return;
        }
        var result = method switch
        {
            _ when HttpMethods.IsGet(method) => (200, Get(request)),
            _ when HttpMethods.IsPost(method) => (201, store.Create(request.Type, NamespaceFor(request), await ReadBodyAsync(context))),
            _ when HttpMethods.IsPut(method) => (200, Replace(request, await ReadBodyAsync(context))),
            _ when HttpMethods.IsPatch(method) => (200, Patch(request, context.Request.ContentType, await ReadBodyAsync(context))),
            _ when HttpMethods.IsDelete(method) => (200, store.Delete(request.Type, request.Namespace, NameOf(request))),
            _ => throw new ApiException(405, "MethodNotAllowed", $"{method} is not supported"),
        };
        await StatusResponses.WriteAsync(context, result.Item1, result.Item2);
    }

    private JsonObject Get(ResourceRequest request) =>
        store.Get(request.Type, request.Namespace, NameOf(request)) ?? throw ApiException.NotFound(request.Type.Plural, NameOf(request));

    private JsonObject Replace(ResourceRequest request, JsonObject body) =>
        store.Update(request.Type, request.Namespace, NameOf(request), current =>
        {
            if (request.Subresource != "status")
            {
                return body;
            }
            current["status"] = body["status"]?.DeepClone();
            current["metadata"]!["resourceVersion"] = body["metadata"]?["resourceVersion"]?.DeepClone();
            return current;
        });

    private JsonObject Patch(ResourceRequest request, string? contentType, JsonObject patch)
    {
        if (contentType?.StartsWith("application/json-patch+json", StringComparison.Ordinal) == true)
        {
            throw new ApiException(415, "UnsupportedMediaType", "the fake API server supports merge and strategic-merge patches only");
        }
        return store.Update(request.Type, request.Namespace, NameOf(request),
            current => JsonMergePatch.Apply(current, patch)!.AsObject());
    }

    private string? NamespaceFor(ResourceRequest request)
    {
        if (request.Type.Namespaced && request.Namespace is { } ns && store.Get(BuiltInResourceTypes.Namespaces, null, ns) is null)
        {
            throw ApiException.NotFound("namespaces", ns);
        }
        return request.Namespace;
    }

    private static string NameOf(ResourceRequest request) =>
        request.Name ?? throw new ApiException(405, "MethodNotAllowed", "this verb needs an object name in the path");

    private static async Task<JsonObject> ReadBodyAsync(HttpContext context) =>
        await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted) as JsonObject
        ?? throw ApiException.BadRequest("the request body must be a JSON object");

    private JsonObject ListOf(FakeResourceType type, IReadOnlyList<JsonObject> items, long version) => new()
    {
        ["kind"] = type.Kind + "List",
        ["apiVersion"] = type.ApiVersion,
        ["metadata"] = new JsonObject { ["resourceVersion"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        ["items"] = new JsonArray(items.Select(item => (JsonNode)item).ToArray()),
    };
}

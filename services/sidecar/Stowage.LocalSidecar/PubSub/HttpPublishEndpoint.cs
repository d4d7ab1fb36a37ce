using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Stowage.LocalSidecar.Hosting;

namespace Stowage.LocalSidecar.PubSub;

/// Dapr's HTTP publish API, POST /v1.0/publish/PUBSUB/TOPIC with the data as body and metadata.KEY=VALUE query
/// parameters: 204 when published, 403 ERR_PUBSUB_FORBIDDEN outside the component's scopes, as daprd answers.
internal static class HttpPublishEndpoint
{
    private const string MetadataPrefix = "metadata.";

    public static IEndpointRouteBuilder MapHttpPublish(this IEndpointRouteBuilder web)
    {
        web.MapPost("/v1.0/publish/{pubSubName}/{**topic}", PublishAsync);
        return web;
    }

    private static async Task<IResult> PublishAsync(string pubSubName, string topic, HttpContext context, SidecarApp app, PubSubBroker broker)
    {
        if (broker.PublishRefusal(app.AppId, pubSubName, topic) is { } refusal)
        {
            return Results.Json(new { errorCode = "ERR_PUBSUB_FORBIDDEN", message = refusal }, statusCode: StatusCodes.Status403Forbidden);
        }

        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        var metadata = context.Request.Query.Where(q => q.Key.StartsWith(MetadataPrefix, StringComparison.Ordinal))
            .ToDictionary(q => q.Key[MetadataPrefix.Length..], q => q.Value.ToString());
        var published = CloudEventFactory.Create(app.AppId, pubSubName, topic, body.ToArray(), context.Request.ContentType, metadata);
        await broker.PublishAsync(published, context.RequestAborted);
        return Results.NoContent();
    }
}

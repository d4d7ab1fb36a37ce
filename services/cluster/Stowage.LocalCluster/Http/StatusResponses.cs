using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Stowage.LocalCluster.Storage;

namespace Stowage.LocalCluster.Http;

internal static class StatusResponses
{
    public static JsonObject Failure(ApiException error) => new()
    {
        ["kind"] = "Status",
        ["apiVersion"] = "v1",
        ["metadata"] = new JsonObject(),
        ["status"] = "Failure",
        ["message"] = error.Message,
        ["reason"] = error.Reason,
        ["code"] = error.Code,
    };

    public static Task WriteAsync(HttpContext context, int statusCode, JsonNode body)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(body.ToJsonString());
    }

    public static Task WriteFailureAsync(HttpContext context, ApiException error) =>
        WriteAsync(context, error.Code, Failure(error));
}

using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Stowage.LocalCluster.Storage;

namespace Stowage.LocalCluster.Http;

internal static class StatusResponses
{
    // Quotes as \" rather than \u0022, as the apiserver writes them, so messages read the same in raw bodies.
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static JsonObject Failure(ApiException error)
    {
        var status = new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Failure",
            ["message"] = error.Message,
            ["reason"] = error.Reason,
        };
        if (error.Details is { } details)
        {
            status["details"] = details.DeepClone();
        }
        status["code"] = error.Code;
        return status;
    }

    public static Task WriteAsync(HttpContext context, int statusCode, JsonNode body)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(body.ToJsonString(Relaxed));
    }

    public static Task WriteFailureAsync(HttpContext context, ApiException error) =>
        WriteAsync(context, error.Code, Failure(error));
}

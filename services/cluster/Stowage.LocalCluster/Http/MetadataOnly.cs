using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Stowage.LocalCluster.Http;

/// <summary>
/// <c>Accept: application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1</c> (and <c>as=PartialObjectMetadata</c>
/// for watches) asks for metadata only, as clients do that must not receive a Secret's data.
/// </summary>
internal static class MetadataOnly
{
    public static bool Requested(HttpContext context) =>
        context.Request.Headers.Accept.Any(accept => accept?.Contains("as=PartialObjectMetadata", StringComparison.Ordinal) == true);

    public static JsonObject Of(JsonObject obj) => new()
    {
        ["kind"] = "PartialObjectMetadata",
        ["apiVersion"] = "meta.k8s.io/v1",
        ["metadata"] = obj["metadata"]?.DeepClone(),
    };

    public static JsonObject ListOf(JsonObject list)
    {
        list["kind"] = "PartialObjectMetadataList";
        list["apiVersion"] = "meta.k8s.io/v1";
        list["items"] = new JsonArray(list["items"]!.AsArray().Select(item => (JsonNode)Of(item!.AsObject())).ToArray());
        return list;
    }
}

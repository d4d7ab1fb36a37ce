using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Stowage.Contracts;

namespace Stowage.Console.FrontDoor;

/// <summary>
/// The front door's OpenAPI document: each service's own document, read through the sidecar, merged with the console's
/// own API (its /api routes, from its own document generator, in process). A complete merge
/// is kept for a few minutes (services are upgraded one by one); while a service does not answer, the document leaves
/// it out and names it, and is read again on the next request.
/// </summary>
public sealed partial class FrontDoorDocument(IHttpClientFactory clients, SidecarInvocation invocation, [FromKeyedServices(FrontDoorDocument.OwnDocument)] IOpenApiDocumentProvider own,
    TimeProvider clock, ILogger<FrontDoorDocument> logger)
{
    public const string Path = "/openapi/stowage.json";
    public const string ClientName = "front-door-openapi";

    /// <summary>The name of the console's own document (AddOpenApi's default, served at /openapi/v1.json).</summary>
    public const string OwnDocument = "v1";
    private static readonly TimeSpan KeptFor = TimeSpan.FromMinutes(5);
    private (JsonObject Document, DateTimeOffset At)? complete;

    public async Task<(JsonObject Document, IReadOnlyList<string> Missing)> GetAsync(CancellationToken ct)
    {
        if (complete is { } kept && clock.GetUtcNow() - kept.At < KeptFor) return (kept.Document, []);
        var fetched = await Task.WhenAll(FrontDoorRoutes.Services.Select(appId => FetchAsync(appId, ct)));
        var documents = fetched.Where(f => f.Document is not null).Select(f => (f.AppId, f.Document!)).Append((AppIds.Console, await OwnAsync(ct)));
        var merged = OpenApiMerger.Merge(documents, FrontDoorRoutes.Documents);
        var missing = fetched.Where(f => f.Document is null).Select(f => f.AppId).ToList();
        if (missing.Count == 0) complete = (merged, clock.GetUtcNow());
        return (merged, missing);
    }

    private async Task<JsonObject> OwnAsync(CancellationToken ct)
    {
        var document = await own.GetOpenApiDocumentAsync(ct);
        return JsonNode.Parse(await document.SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_1, ct)) as JsonObject ?? [];
    }

    private async Task<(string AppId, JsonObject? Document)> FetchAsync(string appId, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{invocation.MethodsOf(appId)}/openapi/v1.json");
        if (invocation.ApiToken is { } token) request.Headers.Add(SidecarInvocation.TokenHeader, token);
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, ct);
            if (response.IsSuccessStatusCode && JsonNode.Parse(await response.Content.ReadAsStringAsync(ct)) is JsonObject document) return (appId, document);
            LogUnavailable(appId, $"it answered {(int)response.StatusCode}");
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
        {
            LogUnavailable(appId, ex.Message);
        }
        return (appId, null);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The OpenAPI document of {AppId} is left out of the front door's: {Reason}")]
    private partial void LogUnavailable(string appId, string reason);
}

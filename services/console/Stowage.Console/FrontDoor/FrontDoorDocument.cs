using System.Text.Json.Nodes;

namespace Stowage.Console.FrontDoor;

/// <summary>
/// The front door's OpenAPI document: each service's own document, read through the sidecar, merged. A complete merge
/// is kept for a few minutes (services are upgraded one by one); while a service does not answer, the document leaves
/// it out and names it, and is read again on the next request.
/// </summary>
public sealed partial class FrontDoorDocument(IHttpClientFactory clients, SidecarInvocation invocation, TimeProvider clock, ILogger<FrontDoorDocument> logger)
{
    public const string Path = "/openapi/stowage.json";
    public const string ClientName = "front-door-openapi";
    private static readonly TimeSpan KeptFor = TimeSpan.FromMinutes(5);
    private (JsonObject Document, DateTimeOffset At)? complete;

    public async Task<(JsonObject Document, IReadOnlyList<string> Missing)> GetAsync(CancellationToken ct)
    {
        if (complete is { } kept && clock.GetUtcNow() - kept.At < KeptFor) return (kept.Document, []);
        var fetched = await Task.WhenAll(FrontDoorRoutes.Services.Select(appId => FetchAsync(appId, ct)));
        var merged = OpenApiMerger.Merge(fetched.Where(f => f.Document is not null).Select(f => (f.AppId, f.Document!)), FrontDoorRoutes.Forwards);
        var missing = fetched.Where(f => f.Document is null).Select(f => f.AppId).ToList();
        if (missing.Count == 0) complete = (merged, clock.GetUtcNow());
        return (merged, missing);
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

using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Stowage.Common.EventSourcing;
using Stowage.Console.Access;
using Stowage.Console.Observability;

namespace Stowage.Console.Services;

/// <summary>What a Stowage service answered: its status, its JSON body and its ETag.</summary>
public sealed record ServiceAnswer(int Status, JsonElement Body, string? ETag)
{
    public bool Succeeded => Status is >= 200 and < 300;

    /// <summary>The problem-details sentence a user can act on (detail, else the first field error, else the title).</summary>
    public string Problem
    {
        get
        {
            if (Body.ValueKind != JsonValueKind.Object) return $"The service answered {Status}.";
            if (Body.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
            {
                foreach (var error in errors.EnumerateObject()) return error.Value.EnumerateArray().FirstOrDefault().GetString() ?? error.Name;
            }
            if (Body.TryGetProperty("detail", out var detail) && detail.GetString() is { Length: > 0 } text) return text;
            return Body.TryGetProperty("title", out var title) ? title.GetString() ?? $"The service answered {Status}." : $"The service answered {Status}.";
        }
    }
}

/// <summary>
/// Calls the services' public APIs on the viewer's behalf, with the viewer's own bearer token: the console can do
/// nothing its viewer could not do with the CLI. Calls go through the console's Dapr sidecar, or to
/// Console:Services:{Policy,Scheduler,Mover,Restore} where that names an address.
/// </summary>
public sealed class StowageServices(IHttpClientFactory clients, ILogger<StowageServices> logger)
{
    public static readonly string[] Names = ["Policy", "Scheduler", "Mover", "Restore"];

    public async Task<ServiceAnswer> SendAsync(string service, HttpMethod method, string path, Viewer viewer, object? body, CancellationToken ct, string? ifMatch = null)
    {
        // Relative to the client's base address, which may be a sidecar's invoke prefix.
        using var request = new HttpRequestMessage(method, path.TrimStart('/'));
        if (viewer.Token is { } token) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        if (body is not null) request.Content = new StringContent(JsonSerializer.Serialize(body, EventJson.Options), Encoding.UTF8, "application/json");
        using var response = await clients.CreateClient(service).SendAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        var json = text.Length > 0 && response.Content.Headers.ContentType?.MediaType?.Contains("json") == true
            ? JsonDocument.Parse(text).RootElement.Clone() : default;
        if (!response.IsSuccessStatusCode) ConsoleLog.ServiceRefused(logger, service, (int)response.StatusCode, method.Method, path);
        return new ServiceAnswer((int)response.StatusCode, json, response.Headers.ETag?.Tag);
    }
}

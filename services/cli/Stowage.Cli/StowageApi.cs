using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Stowage.Cli;

/// <summary>
/// Calls the front door with the caller's token. An error answer becomes a <see cref="RefusedException"/> whose message
/// is the problem in one line; a front door that does not answer surfaces as <see cref="HttpRequestException"/>.
/// </summary>
internal sealed class StowageApi(Connection connection) : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerOptions.Web);
    private readonly HttpClient http = new() { BaseAddress = new Uri(connection.Server.ToString().TrimEnd('/') + "/"), Timeout = TimeSpan.FromSeconds(100) };

    public Connection Connection => connection;

    public async Task<JsonElement> GetAsync(string path, CancellationToken ct) => (await SendAsync(HttpMethod.Get, path, null, ct)).Body;

    public async Task<JsonElement> PostAsync(string path, object? body, CancellationToken ct) => (await SendAsync(HttpMethod.Post, path, body, ct)).Body;

    /// <summary>The answer, or null when the service says 404.</summary>
    public async Task<JsonElement?> FindAsync(string path, CancellationToken ct)
    {
        try
        {
            return await GetAsync(path, ct);
        }
        catch (RefusedException refused) when (refused.Status == (int)HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task<(JsonElement Body, int Status)> SendAsync(HttpMethod method, string path, object? body, CancellationToken ct, string? content = null)
    {
        using var request = new HttpRequestMessage(method, path.TrimStart('/'));
        if (connection.Token is { } token) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (content is not null || body is not null) request.Content = new StringContent(content ?? JsonSerializer.Serialize(body, Json), Encoding.UTF8, "application/json");
        using var response = await http.SendAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode) throw new RefusedException((int)response.StatusCode, Problem.OneLine(text, (int)response.StatusCode));
        return (text.Length == 0 ? default : Parse(text), (int)response.StatusCode);
    }

    private static JsonElement Parse(string text)
    {
        try
        {
            return JsonDocument.Parse(text).RootElement.Clone();
        }
        catch (JsonException)
        {
            return JsonSerializer.SerializeToElement(text);
        }
    }

    public void Dispose() => http.Dispose();
}

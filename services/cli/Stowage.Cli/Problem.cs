using System.Text.Json;

namespace Stowage.Cli;

/// <summary>A problem-details body as one line: its title (or detail), then each bad field and why.</summary>
internal static class Problem
{
    public static string OneLine(string body, int status)
    {
        try
        {
            var problem = JsonDocument.Parse(body).RootElement;
            if (problem.ValueKind != JsonValueKind.Object) return Flatten(body, status);
            var title = Text(problem, "title");
            var detail = Text(problem, "detail");
            var fields = problem.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object
                ? errors.EnumerateObject().Select(e => $"{e.Name}: {string.Join(" ", e.Value.EnumerateArray().Select(m => m.GetString()))}").ToList()
                : [];
            // A detail that only repeats the first field error adds nothing.
            var head = detail is not null && fields.Count == 0 ? (title is null ? detail : $"{title}: {detail}") : title ?? detail ?? Text(problem, "message");
            return string.Join("; ", new[] { head ?? $"the service answered {status}" }.Concat(fields));
        }
        catch (JsonException)
        {
            return Flatten(body, status);
        }
    }

    private static string? Text(JsonElement problem, string name) =>
        problem.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;

    private static string Flatten(string body, int status) =>
        string.IsNullOrWhiteSpace(body) ? $"the service answered {status}" : string.Join(' ', body.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
}

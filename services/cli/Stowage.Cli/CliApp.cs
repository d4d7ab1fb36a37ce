using System.Text.Json;

namespace Stowage.Cli;

/// <summary>
/// Parses a command line, makes the call, prints the answer as indented JSON. A refusal prints one line naming
/// what is wrong (exit 1); bad usage exit 2; an unreachable service exit 3.
/// </summary>
internal sealed class CliApp(ServiceUrls urls, TextWriter output, TextWriter error, HttpMessageHandler? handler = null)
{
    public async Task<int> RunAsync(string[] args)
    {
        var command = Commands.All.Where(c => Matches(c, args)).MaxBy(c => c.Words.Length);
        if (command is null) return Usage(args.Length == 0 ? null : $"unknown command '{string.Join(' ', args.Take(2))}'");
        try
        {
            var input = Parse(args.Skip(command.Words.Split(' ').Length).ToArray());
            using var request = command.Request(input, urls);
            using var http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
            using var response = await http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            if (response.IsSuccessStatusCode)
            {
                await output.WriteLineAsync(Pretty(body));
                return ExitCodes.Ok;
            }
            await error.WriteLineAsync($"error: {(int)response.StatusCode} {ProblemText(body)}");
            return ExitCodes.Refused;
        }
        catch (UsageException ex)
        {
            return Usage($"{ex.Message}; usage: stowage {command.Words} {command.Arguments}");
        }
        catch (HttpRequestException ex)
        {
            await error.WriteLineAsync($"error: cannot reach the service ({ex.Message}); set STOWAGE_POLICY_URL and friends");
            return ExitCodes.Unreachable;
        }
    }

    private static bool Matches(CliCommand command, string[] args)
    {
        var words = command.Words.Split(' ');
        return args.Length >= words.Length && words.SequenceEqual(args.Take(words.Length));
    }

    private static CommandInput Parse(string[] rest)
    {
        var values = new List<string>();
        var options = new Dictionary<string, string>();
        for (var i = 0; i < rest.Length; i++)
        {
            if (!rest[i].StartsWith('-') || rest[i] == "-") values.Add(rest[i]);
            else if (i + 1 < rest.Length) options[rest[i].TrimStart('-')] = rest[++i];
            else throw new UsageException($"option {rest[i]} needs a value");
        }
        return new CommandInput(values, options);
    }

    /// <summary>A problem-details body as one line: its title, then each bad field and why.</summary>
    private static string ProblemText(string body)
    {
        try
        {
            var problem = JsonDocument.Parse(body).RootElement;
            var title = problem.TryGetProperty("title", out var t) ? t.GetString() : body;
            var fields = problem.TryGetProperty("errors", out var errors)
                ? errors.EnumerateObject().Select(e => $"{e.Name}: {string.Join(" ", e.Value.EnumerateArray().Select(m => m.GetString()))}")
                : [];
            return string.Join("; ", new[] { title }.Concat(fields));
        }
        catch (JsonException)
        {
            return body;
        }
    }

    private static string Pretty(string body)
    {
        if (string.IsNullOrWhiteSpace(body)) return "ok";
        try
        {
            return JsonSerializer.Serialize(JsonDocument.Parse(body).RootElement, new JsonSerializerOptions { WriteIndented = true });
        }
        catch (JsonException)
        {
            return body;
        }
    }

    private int Usage(string? problem)
    {
        if (problem is not null) error.WriteLine($"error: {problem}");
        error.WriteLine("usage: stowage <command> [arguments]");
        foreach (var command in Commands.All) error.WriteLine($"  {command.Words,-20} {command.Arguments,-48} {command.Help}");
        return ExitCodes.Usage;
    }
}

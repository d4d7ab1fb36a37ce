namespace Stowage.Cli;

/// <summary>One command: its words, what it needs, and the HTTP call it makes.</summary>
internal sealed record CliCommand(string Words, string Arguments, string Help, Func<CommandInput, ServiceUrls, HttpRequestMessage> Request);

/// <summary>What the user typed after the command's words: positional values and --options.</summary>
internal sealed record CommandInput(IReadOnlyList<string> Values, IReadOnlyDictionary<string, string> Options)
{
    public string Value(int index, string name) =>
        index < Values.Count ? Values[index] : throw new UsageException($"missing {name}");

    public string? Option(string name) => Options.TryGetValue(name, out var value) ? value : null;

    /// <summary>The JSON body of -f FILE ("-" for standard input).</summary>
    public StringContent JsonFile()
    {
        var path = Option("f") ?? throw new UsageException("missing -f FILE with the JSON body");
        var json = path == "-" ? Console.In.ReadToEnd() : File.Exists(path) ? File.ReadAllText(path) : throw new UsageException($"file {path} does not exist");
        return new StringContent(json, System.Text.Encoding.UTF8, "application/json");
    }
}

internal sealed class UsageException(string message) : Exception(message);

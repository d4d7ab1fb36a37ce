using Spectre.Console;

namespace Stowage.Cli.Tests;

/// <summary>Runs the CLI in process against an address, with its own variables and home folder, and keeps what it printed.</summary>
internal sealed class CliRun
{
    public static Task<(int Exit, string Output, string Error)> RunAsync(string? server, IDictionary<string, string>? variables, string home, bool terminal, params string[] args) =>
        RunAsync(server, variables, home, terminal, TimeSpan.FromMilliseconds(20), args);

    /// <param name="poll">How often a --wait looks again; a terminal's bar is redrawn every 100 ms.</param>
    public static async Task<(int Exit, string Output, string Error)> RunAsync(string? server, IDictionary<string, string>? variables, string home, bool terminal, TimeSpan poll, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = terminal ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Standard : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Yes : InteractionSupport.No,
        });
        console.Profile.Width = 160;
        var all = new Dictionary<string, string>(variables ?? new Dictionary<string, string>());
        if (server is not null) all["STOWAGE_URL"] = server;
        var environment = new CliEnvironment(console, error, name => all.TryGetValue(name, out var value) ? value : null, home, poll);
        var exit = await CliApp.RunAsync(args, environment);
        return (exit, output.ToString(), error.ToString());
    }
}

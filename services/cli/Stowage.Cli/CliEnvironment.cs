using Spectre.Console;

namespace Stowage.Cli;

/// <summary>What the CLI reads from and writes to outside its arguments: the console, variables and the home folder.</summary>
internal sealed record CliEnvironment(IAnsiConsole Console, TextWriter Error, Func<string, string?> Variable, string Home, TimeSpan PollInterval)
{
    public static CliEnvironment FromProcess()
    {
        var console = AnsiConsole.Console;
        // Piped into a file or another program, a table is not cut to 80 columns: lines stay whole, as kubectl's do.
        if (System.Console.IsOutputRedirected) console.Profile.Width = 4096;
        return new(console, System.Console.Error, Environment.GetEnvironmentVariable, Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), TimeSpan.FromSeconds(1));
    }
}

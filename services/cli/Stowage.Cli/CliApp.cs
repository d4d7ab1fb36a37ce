using System.CommandLine;
using Stowage.Cli.Backups;
using Stowage.Cli.Policies;
using Stowage.Cli.Restores;

namespace Stowage.Cli;

/// <summary>
/// The <c>stowage</c> command: parses the line with System.CommandLine, runs the command, and keeps the exit codes of
/// <see cref="ExitCodes"/>. A bad command line prints one line naming what is wrong and exits 2.
/// </summary>
internal static class CliApp
{
    public static RootCommand Build(CliEnvironment environment)
    {
        var root = new RootCommand("stowage: back up and restore Kubernetes applications through Stowage's one API address.");
        foreach (var option in GlobalOptions.All) root.Options.Add(option);
        root.Subcommands.Add(PolicyCommands.Create(environment));
        root.Subcommands.Add(BackupCommands.Create(environment));
        root.Subcommands.Add(RestoreCommands.Create(environment));
        root.Subcommands.Add(CompletionCommand.Create(environment));
        return root;
    }

    public static async Task<int> RunAsync(string[] args, CliEnvironment environment)
    {
        var root = Build(environment);
        var parsed = root.Parse(args);
        var configuration = new InvocationConfiguration { Output = environment.Console.Profile.Out.Writer, Error = environment.Error };
        // The suggest directive (shell completion) answers for partial lines, which are errors to the parser.
        if (parsed.Errors.Count > 0 && !IsDirective(args))
        {
            var command = string.Join(' ', parsed.CommandResult.Command is RootCommand ? [] : Path(parsed));
            var message = string.Join(' ', parsed.Errors[0].Message.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
            await environment.Error.WriteLineAsync($"error: {message} (see 'stowage {command}{(command.Length > 0 ? " " : "")}--help')");
            return ExitCodes.Usage;
        }
        return await parsed.InvokeAsync(configuration);
    }

    private static bool IsDirective(string[] args) => args.Length > 0 && args[0].StartsWith("[suggest", StringComparison.Ordinal);

    private static IEnumerable<string> Path(ParseResult parsed)
    {
        var names = new List<string>();
        for (var result = parsed.CommandResult; result is not null && result.Command is not RootCommand; result = result.Parent as System.CommandLine.Parsing.CommandResult)
            names.Insert(0, result.Command.Name);
        return names;
    }
}

using System.CommandLine;

namespace Stowage.Mover.Cli;

/// <summary>Builds the command tree and maps parse errors to the usage exit code.</summary>
internal static class CliApplication
{
    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("stowage-mover: incremental, deduplicating, encrypted backups of directories to S3 or a local directory.");
        foreach (var option in GlobalOptions.All) root.Options.Add(option);
        root.Subcommands.Add(RepositoryCommands.Init());
        root.Subcommands.Add(BackupCommand.Create());
        root.Subcommands.Add(RepositoryCommands.Snapshots());
        root.Subcommands.Add(RestoreCommand.Create());
        root.Subcommands.Add(RepositoryCommands.Check());
        root.Subcommands.Add(ForgetCommands.Forget());
        root.Subcommands.Add(ForgetCommands.Prune());
        root.Subcommands.Add(RepositoryCommands.Stats());
        root.Subcommands.Add(RepositoryCommands.Manifest());
        root.Subcommands.Add(KeyCommands.Create());
        root.Subcommands.Add(UpgradeCommand.Create());

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors) Console.Error.WriteLine($"stowage-mover: {error.Message}");
            Console.Error.WriteLine("Run 'stowage-mover --help' for usage.");
            return ExitCodes.Usage;
        }
        return await parsed.InvokeAsync();
    }
}

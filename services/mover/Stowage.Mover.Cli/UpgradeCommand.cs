using System.CommandLine;
using Stowage.Mover.Engine;

namespace Stowage.Mover.Cli;

/// <summary>upgrade: moves the repository to the current format in place; running it again does nothing.</summary>
internal static class UpgradeCommand
{
    public static Command Create()
    {
        var command = new Command("upgrade", "Upgrade the repository's format in place to the current version (older stowage-mover versions then refuse it).");
        command.SetRepositoryAction(async (parse, repository, cancellationToken) =>
        {
            var before = await repository.UpgradeAsync(CommandRunner.ReadSecret(parse), cancellationToken);
            Console.Out.WriteLine(before == repository.FormatVersion
                ? $"repository {repository.Id} is already at format version {before}"
                : $"upgraded repository {repository.Id} from format version {before} to {repository.FormatVersion}");
            return ExitCodes.Ok;
        });
        return command;
    }
}

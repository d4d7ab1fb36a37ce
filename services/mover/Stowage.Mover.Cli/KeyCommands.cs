using System.CommandLine;

namespace Stowage.Mover.Cli;

/// <summary>key add / list / remove: manage the envelopes that wrap the master key.</summary>
internal static class KeyCommands
{
    public static Command Create()
    {
        var key = new Command("key", "Manage passwords and key files that open the repository.");
        key.Subcommands.Add(Add());
        key.Subcommands.Add(List());
        key.Subcommands.Add(Remove());
        return key;
    }

    private static Command Add()
    {
        var newPasswordFile = new Option<FileInfo?>("--new-password-file") { Description = "File holding the new password (default: env STOWAGE_NEW_PASSWORD)." };
        var newKeyFile = new Option<FileInfo?>("--new-key-file") { Description = "Key file (at least 32 random bytes) to add instead of a password." };
        var label = new Option<string>("--label") { Description = "A note stored with the key.", DefaultValueFactory = _ => "" };
        var command = new Command("add", "Add a password or key file.") { newPasswordFile, newKeyFile, label };
        command.SetRepositoryAction(async (parse, repository, cancellationToken) =>
        {
            var secret = CommandRunner.SecretFrom(parse.GetValue(newPasswordFile), parse.GetValue(newKeyFile), "STOWAGE_NEW_PASSWORD");
            var id = await repository.AddKeyAsync(secret, parse.GetValue(label) ?? "", cancellationToken: cancellationToken);
            Console.Out.WriteLine($"added key {id[..8]}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command List()
    {
        var command = new Command("list", "List keys.");
        command.SetRepositoryAction(async (parse, repository, cancellationToken) =>
        {
            foreach (var k in await repository.ListKeysAsync(cancellationToken))
                Console.Out.WriteLine($"{(k.IsCurrent ? "*" : " ")} {k.Id[..8]}  {k.Kdf,-14} {k.Created:yyyy-MM-dd HH:mm:ss}  {k.Host}  {k.Label}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Remove()
    {
        var id = new Argument<string>("id") { Description = "Key id or prefix." };
        var command = new Command("remove", "Remove a key (not the one in use).") { id };
        command.SetRepositoryAction(async (parse, repository, cancellationToken) =>
        {
            await repository.RemoveKeyAsync(parse.GetValue(id)!, cancellationToken);
            Console.Out.WriteLine("removed");
            return ExitCodes.Ok;
        });
        return command;
    }
}

using System.CommandLine;
using Stowage.Mover.Engine;
using Stowage.Mover.Engine.Crypto;
using Stowage.Mover.Engine.Storage;

namespace Stowage.Mover.Cli;

/// <summary>Opens the repository for a command and turns failures into one readable line and an exit code.</summary>
internal static class CommandRunner
{
    public static void SetRepositoryAction(this Command command, Func<ParseResult, StowageRepository, CancellationToken, Task<int>> action) =>
        command.SetAction((parse, cancellationToken) => GuardAsync(async () =>
        {
            var budget = ReadMemoryBudget(parse);
            using var repository = await StowageRepository.OpenAsync(OpenBackend(parse), ReadSecret(parse), cancellationToken);
            repository.MemoryBudget = budget;
            return await action(parse, repository, cancellationToken);
        }));

    public static async Task<int> GuardAsync(Func<Task<int>> action)
    {
        try
        {
            return await action();
        }
        catch (Exception e)
        {
            ProgressLine.Clear();
            var (code, kind) = e switch
            {
                UsageException => (ExitCodes.Usage, "usage"),
                WrongPasswordException => (ExitCodes.WrongPassword, "wrong password"),
                RepositoryDamagedException => (ExitCodes.RepositoryDamaged, "repository damaged"),
                RestoreRefusedException => (ExitCodes.RepositoryDamaged, "restore refused"),
                OperationCanceledException => (ExitCodes.Error, "cancelled"),
                _ => (ExitCodes.Error, "error"),
            };
            Console.Error.WriteLine($"stowage-mover: {kind}: {e.Message}");
            return code;
        }
    }

    public static IRepositoryBackend OpenBackend(ParseResult parse)
    {
        var address = parse.GetValue(GlobalOptions.Repository) ?? Environment.GetEnvironmentVariable("STOWAGE_REPOSITORY")
            ?? throw new UsageException("No repository: pass --repo or set STOWAGE_REPOSITORY.");
        var region = parse.GetValue(GlobalOptions.Region) ?? Environment.GetEnvironmentVariable("AWS_REGION") ?? "us-east-1";
        var lockDays = parse.GetValue(GlobalOptions.ObjectLockDays);
        return RepositoryLocation.Open(address, Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID"),
            Environment.GetEnvironmentVariable("AWS_SECRET_ACCESS_KEY"), region, pathStyle: !parse.GetValue(GlobalOptions.VirtualHosted),
            objectLock: lockDays > 0 ? new ObjectLockRetention(Compliance: true, TimeSpan.FromDays(lockDays)) : null);
    }

    public static MemoryBudget ReadMemoryBudget(ParseResult parse)
    {
        var text = parse.GetValue(GlobalOptions.MemoryBudget) ?? Environment.GetEnvironmentVariable("STOWAGE_MEMORY_BUDGET");
        if (string.IsNullOrWhiteSpace(text)) return MemoryBudget.Detect();
        var unit = char.ToUpperInvariant(text.Trim()[^1]) switch { 'K' => 1L << 10, 'M' => 1L << 20, 'G' => 1L << 30, _ => 1L };
        var digits = unit == 1 ? text.Trim() : text.Trim()[..^1];
        if (!long.TryParse(digits, out var number) || number <= 0 || number > long.MaxValue / unit)
            throw new UsageException($"--memory-budget '{text}' is not a size such as 256M or 2G.");
        // A cgroup limit already caps the collector's heap at three quarters of it; an explicit budget does the same.
        var budget = MemoryBudget.Detect(number * unit);
        LimitHeap(budget.HeapLimit(restore: false));
        return budget;
    }

    /// <summary>Caps the collector's heap (see <see cref="MemoryBudget.HeapLimit"/>), so it collects harder instead of the process growing past the budget.</summary>
    public static void LimitHeap(long? bytes)
    {
        if (bytes is not { } limit) return;
        AppContext.SetData("GCHeapHardLimit", (ulong)limit);
        GC.RefreshMemoryLimit();
    }

    public static RepositorySecret ReadSecret(ParseResult parse) =>
        SecretFrom(parse.GetValue(GlobalOptions.PasswordFile), parse.GetValue(GlobalOptions.KeyFile), "STOWAGE_PASSWORD");

    public static RepositorySecret SecretFrom(FileInfo? passwordFile, FileInfo? keyFile, string passwordVariable)
    {
        if (keyFile is not null) return RepositorySecret.FromKeyFile(File.ReadAllBytes(keyFile.FullName));
        if (passwordFile is not null) return RepositorySecret.FromPassword(File.ReadLines(passwordFile.FullName).FirstOrDefault() ?? "");
        var password = Environment.GetEnvironmentVariable(passwordVariable);
        return string.IsNullOrEmpty(password)
            ? throw new UsageException($"No password: set {passwordVariable}, or pass a password file or key file.")
            : RepositorySecret.FromPassword(password);
    }

    public static Dictionary<string, string> ParseTags(string[]? tags)
    {
        var parsed = new Dictionary<string, string>();
        foreach (var tag in tags ?? [])
        {
            var equals = tag.IndexOf('=');
            if (equals <= 0) throw new UsageException($"Tag '{tag}' is not key=value.");
            parsed[tag[..equals]] = tag[(equals + 1)..];
        }
        return parsed;
    }
}

using System.CommandLine;
using Stowage.Mover.Engine;
using Stowage.Mover.Engine.Maintenance;

namespace Stowage.Mover.Cli;

/// <summary>forget (apply a retention policy) and prune (delete unreferenced data).</summary>
internal static class ForgetCommands
{
    public static Command Forget()
    {
        var last = new Option<int>("--keep-last") { Description = "Keep the newest N snapshots." };
        var hourly = new Option<int>("--keep-hourly") { Description = "Keep one snapshot for each of the last N hours." };
        var daily = new Option<int>("--keep-daily") { Description = "Keep one snapshot for each of the last N days." };
        var weekly = new Option<int>("--keep-weekly") { Description = "Keep one snapshot for each of the last N weeks." };
        var monthly = new Option<int>("--keep-monthly") { Description = "Keep one snapshot for each of the last N months." };
        var yearly = new Option<int>("--keep-yearly") { Description = "Keep one snapshot for each of the last N years." };
        var tags = new Option<string[]>("--tag") { Description = "Only snapshots with this tag (key=value; repeatable)." };
        var groupBy = new Option<string[]>("--group-by") { Description = "Tag keys that form groups (default: group by backed-up path)." };
        var prune = new Option<bool>("--prune") { Description = "Prune afterwards." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Only show what would be removed." };
        var command = new Command("forget", "Remove snapshots a retention policy does not keep.") { last, hourly, daily, weekly, monthly, yearly, tags, groupBy, prune, dryRun };
        command.SetRepositoryAction(async (parse, repository, cancellationToken) =>
        {
            var policy = new RetentionPolicy
            {
                KeepLast = parse.GetValue(last), KeepHourly = parse.GetValue(hourly), KeepDaily = parse.GetValue(daily),
                KeepWeekly = parse.GetValue(weekly), KeepMonthly = parse.GetValue(monthly), KeepYearly = parse.GetValue(yearly),
            };
            if (policy.IsEmpty) throw new UsageException("Give at least one --keep-* rule.");
            var groups = parse.GetValue(groupBy);
            var result = await repository.ForgetAsync(new ForgetRequest
            {
                Policy = policy,
                TagFilter = CommandRunner.ParseTags(parse.GetValue(tags)),
                GroupByTags = groups is { Length: > 0 } ? groups : null,
                DryRun = parse.GetValue(dryRun),
            }, cancellationToken);
            foreach (var s in result.Kept) Console.Out.WriteLine($"keep    {s.ShortId}  {s.Time:yyyy-MM-dd HH:mm:ss}  {s.Path}");
            foreach (var s in result.Removed) Console.Out.WriteLine($"{(parse.GetValue(dryRun) ? "would remove" : "remove ")} {s.ShortId}  {s.Time:yyyy-MM-dd HH:mm:ss}  {s.Path}");
            return parse.GetValue(prune) && !parse.GetValue(dryRun) ? await RunPruneAsync(repository, cancellationToken) : ExitCodes.Ok;
        });
        return command;
    }

    public static Command Prune()
    {
        var command = new Command("prune", "Delete data no snapshot references (deferred while a backup runs).");
        command.SetRepositoryAction((_, repository, cancellationToken) => RunPruneAsync(repository, cancellationToken));
        return command;
    }

    private static async Task<int> RunPruneAsync(StowageRepository repository, CancellationToken cancellationToken)
    {
        var result = await repository.PruneAsync(new PruneOptions(), cancellationToken);
        Console.Out.WriteLine(result.Deferred ? $"prune deferred: {result.Message}" : $"prune: {result.Message} Freed {ProgressLine.Size(result.BytesFreed)}.");
        return ExitCodes.Ok;
    }
}

using System.CommandLine;
using System.Text.Json;
using Stowage.Cli.Policies;

namespace Stowage.Cli.Backups;

/// <summary><c>stowage backup now|list|get</c>.</summary>
internal static class BackupCommands
{
    public static Command Create(CliEnvironment environment)
    {
        var backup = new Command("backup", "Backup runs: start one now, follow it, list them.");
        backup.Subcommands.Add(Now(environment));
        backup.Subcommands.Add(List(environment));
        backup.Subcommands.Add(Get(environment));
        return backup;
    }

    private static Command Now(CliEnvironment environment)
    {
        var policy = new Argument<string>("POLICY-OR-APP") { Description = "A policy id, or the name of the application it protects." };
        var wait = new Option<bool>("--wait", "-w") { Description = "Follow the run to its end with a progress bar; exit 4 unless it succeeds." };
        var command = new Command("now", "Back up an application now (after a run in progress, if any).") { policy, wait };
        return command.WithApi(environment, async run =>
        {
            var id = PolicyLookup.IdOf(await PolicyLookup.FindAsync(run, run.Get(policy)));
            var before = (await run.Api.GetAsync($"runs?policyId={id}", run.Cancellation)).Items().ToList();
            await run.Api.PostAsync($"schedules/{id}/run-now", null, run.Cancellation);
            var runId = await WaitForNewRunAsync(run, id, before.Select(r => r.Text("runId")).ToHashSet());
            if (!run.Get(wait))
            {
                var started = JsonSerializer.SerializeToElement(new { runId, policyId = id });
                run.Output.Print(started, s => Output.Fields([("Run", s.Text("runId")), ("Policy", s.Text("policyId")), ("Follow", $"stowage backup get {s.Text("runId")}")]));
                return ExitCodes.Ok;
            }
            // The last successful run's size is the best guess of what this one reads.
            var expected = before.Where(r => r.Text("state") == "Succeeded").Select(RunViews.SourceBytes).FirstOrDefault(b => b > 0);
            var followed = await RunWatch.FollowAsync(run, runId, expected);
            // The history has what the live status does not: the reason a run failed, the bytes it added.
            var summary = await SummaryAsync(run, id, runId);
            var finished = JsonSerializer.SerializeToElement(new { run = followed, summary });
            run.Output.Print(finished, f => RunViews.Describe(f.At("run")!.Value, f.At("summary")));
            var reason = summary?.Text("reason") ?? followed.Text("failure");
            return followed.Text("outcome") == "Succeeded" ? ExitCodes.Ok
                : throw new FailedException($"backup {runId} ended {followed.Text("outcome") ?? followed.Text("runtimeStatus")}{(reason is null ? "" : $": {reason}")}");
        });
    }

    // run-now answers before the run exists; the run appears in the history once the scheduler has asked for it.
    private static async Task<string> WaitForNewRunAsync(Invocation run, string policyId, HashSet<string?> known)
    {
        var deadline = DateTimeOffset.UtcNow.AddMinutes(2);
        while (DateTimeOffset.UtcNow < deadline)
        {
            // A scheduled run may start meanwhile (a new policy's first one does); this command's run is the manual one.
            var fresh = (await run.Api.GetAsync($"runs?policyId={policyId}", run.Cancellation)).Items()
                .FirstOrDefault(r => !known.Contains(r.Text("runId")) && string.Equals(r.Text("trigger"), "manual", StringComparison.OrdinalIgnoreCase));
            if (fresh.ValueKind == JsonValueKind.Object) return fresh.Text("runId")!;
            await Task.Delay(run.Environment.PollInterval, run.Cancellation);
        }
        throw new FailedException($"policy {policyId} accepted the backup, but no run started within 2 minutes (is a run in progress? see 'stowage backup list')");
    }

    // The history learns of the end from backup.finished, a moment after the workflow ends.
    private static async Task<JsonElement?> SummaryAsync(Invocation run, string policyId, string runId)
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var summary = (await run.Api.GetAsync($"runs?policyId={policyId}", run.Cancellation)).Items().FirstOrDefault(r => r.Text("runId") == runId);
            if (summary.ValueKind == JsonValueKind.Object && summary.Text("finishedAt") is not null) return summary;
            await Task.Delay(run.Environment.PollInterval, run.Cancellation);
        }
        return null;
    }

    private static Command List(CliEnvironment environment)
    {
        var policy = new Argument<string?>("POLICY-OR-APP") { Description = "Only this policy's runs.", Arity = ArgumentArity.ZeroOrOne };
        var all = new Option<bool>("--all-namespaces", "-A") { Description = "Runs of every namespace." };
        var command = new Command("list", "Backup runs, newest first: queued, running, then their outcome.") { policy, all };
        command.Aliases.Add("ls");
        return command.WithApi(environment, async run =>
        {
            var query = run.Get(policy) is { } name ? $"?policyId={PolicyLookup.IdOf(await PolicyLookup.FindAsync(run, name))}" : "";
            var runs = await run.Api.GetAsync($"runs{query}", run.Cancellation);
            var shown = runs.Items().Where(r => run.Get(all) || r.Text("application")?.StartsWith(run.Namespace + "/", StringComparison.Ordinal) == true)
                .OrderByDescending(r => r.Text("requestedAt"), StringComparer.Ordinal).ToList();
            run.Output.Print(JsonSerializer.SerializeToElement(shown), r => RunViews.List(r.Items()));
            return ExitCodes.Ok;
        });
    }

    private static Command Get(CliEnvironment environment)
    {
        var id = new Argument<string>("RUN") { Description = "The run id (from 'stowage backup list')." };
        var command = new Command("get", "A backup run: its step, progress and outcome.") { id };
        command.Aliases.Add("describe");
        return command.WithApi(environment, async run =>
        {
            run.Output.Print(await run.Api.GetAsync($"runs/{Uri.EscapeDataString(run.Get(id))}", run.Cancellation), r => RunViews.Describe(r, null));
            return ExitCodes.Ok;
        });
    }
}

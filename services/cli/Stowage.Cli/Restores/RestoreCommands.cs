using System.CommandLine;
using System.Text.Json;
using Spectre.Console;
using Stowage.Cli.Policies;

namespace Stowage.Cli.Restores;

/// <summary><c>stowage restore create --from APP@latest --to-namespace NS --wait</c>, <c>stowage restore get ID</c>.</summary>
internal static class RestoreCommands
{
    public static Command Create(CliEnvironment environment)
    {
        var restore = new Command("restore", "Restores: an application from its bucket, into the same or another namespace.");
        restore.Subcommands.Add(Start(environment));
        restore.Subcommands.Add(Get(environment));
        return restore;
    }

    private static Command Start(CliEnvironment environment)
    {
        var from = new Option<string?>("--from") { Description = "POLICY-OR-APP[@latest|@RUN]: the backup to restore (its policy gives the bucket)." };
        var to = new Option<string?>("--to-namespace") { Description = "Restore into this namespace (default: the original one)." };
        var classes = new Option<string[]>("--storage-class-map") { Description = "FROM=TO: give restored claims another storage class (repeatable).", AllowMultipleArgumentsPerToken = false };
        var wait = new Option<bool>("--wait", "-w") { Description = "Follow the restore to its end; exit 4 unless it succeeds." };
        var file = new Option<string?>("--file", "-f") { Description = "The restore request as JSON, as the API takes it ('-' for standard input)." };
        var command = new Command("create", "Start a restore.") { from, to, classes, wait, file };
        return command.WithApi(environment, async run =>
        {
            var request = run.Get(file) is { } path ? (path == "-" ? Console.In.ReadToEnd() : File.Exists(path) ? File.ReadAllText(path) : throw new UsageException($"file {path} does not exist")) : null;
            object? body = request is null ? await RequestFromAsync(run, run.Get(from) ?? throw new UsageException("--from POLICY-OR-APP[@latest|@RUN] is required, or -f RESTORE.json"), run.Get(to), run.Get(classes)) : null;
            var (started, _) = await run.Api.SendAsync(HttpMethod.Post, "restores", body, run.Cancellation, request);
            var id = started.Text("restoreId")!;
            if (!run.Get(wait))
            {
                run.Output.Print(started, s => Output.Fields([("Restore", id), ("Follow", $"stowage restore get {id}")]));
                return ExitCodes.Ok;
            }
            var finished = await FollowAsync(run, id);
            run.Output.Print(finished, RestoreViews.Describe);
            var reason = finished.Text("report", "reason") ?? finished.Text("failure");
            return finished.Text("report", "outcome") == "Succeeded" ? ExitCodes.Ok
                : throw new FailedException($"restore {id} ended {finished.Text("report", "outcome") ?? finished.Text("runtimeStatus")}{(reason is null ? "" : $": {reason}")}");
        });
    }

    private static async Task<object> RequestFromAsync(Invocation run, string from, string? targetNamespace, string[]? classes)
    {
        var at = from.LastIndexOf('@');
        var (name, which) = at < 0 ? (from, "latest") : (from[..at], from[(at + 1)..]);
        var policy = await PolicyLookup.FindAsync(run, name);
        var map = new Dictionary<string, string>();
        foreach (var pair in classes ?? [])
        {
            var equals = pair.IndexOf('=');
            if (equals <= 0 || equals == pair.Length - 1) throw new UsageException($"--storage-class-map '{pair}' is not FROM=TO");
            map[pair[..equals]] = pair[(equals + 1)..];
        }
        return new
        {
            target = policy.At("spec", "target"),
            application = policy.At("spec", "application"),
            runId = which == "latest" ? null : which,
            targetNamespace,
            storageClassMap = map.Count == 0 ? null : map,
            credentialsNamespace = policy.Text("spec", "target", "credentials", "secretNamespace") ?? policy.Text("spec", "application", "namespace"),
        };
    }

    private static async Task<JsonElement> FollowAsync(Invocation run, string id)
    {
        var path = $"restores/{Uri.EscapeDataString(id)}";
        if (!run.Output.ForPeople) return await Polling.UntilAsync(run, path, RestoreViews.IsOver, _ => { });
        if (!run.Output.Console.Profile.Capabilities.Interactive)
        {
            string? last = null;
            return await Polling.UntilAsync(run, path, RestoreViews.IsOver, state =>
            {
                var line = $"restore {id}: {RestoreViews.Step(state)}";
                if (line != last) run.Output.Say(last = line);
            });
        }
        JsonElement finished = default;
        await run.Output.Console.Status().StartAsync($"restore {id}", async status =>
            finished = await Polling.UntilAsync(run, path, RestoreViews.IsOver, state => status.Status($"restore {id}: {Markup.Escape(RestoreViews.Step(state))}")));
        return finished;
    }

    private static Command Get(CliEnvironment environment)
    {
        var id = new Argument<string>("RESTORE") { Description = "The restore id (printed by 'stowage restore create')." };
        var command = new Command("get", "A restore: its step, then its report per resource and volume.") { id };
        command.Aliases.Add("describe");
        return command.WithApi(environment, async run =>
        {
            run.Output.Print(await run.Api.GetAsync($"restores/{Uri.EscapeDataString(run.Get(id))}", run.Cancellation), RestoreViews.Describe);
            return ExitCodes.Ok;
        });
    }
}

using System.CommandLine;
using System.Text.Json;

namespace Stowage.Cli.Policies;

/// <summary><c>stowage policy create|list|get|pause|resume|delete</c>.</summary>
internal static class PolicyCommands
{
    private static readonly Argument<string> PolicyArgument = new("POLICY-OR-APP") { Description = "A policy id, or the name of the application it protects (in -n's namespace)." };

    public static Command Create(CliEnvironment environment)
    {
        var policy = new Command("policy", "Backup policies: one per application, with a target, a schedule and retention.");
        policy.Subcommands.Add(PolicyCreate.Command(environment));
        policy.Subcommands.Add(List(environment));
        policy.Subcommands.Add(Get(environment));
        policy.Subcommands.Add(Change(environment, "pause", "Stop scheduled backups until resumed.", "pause"));
        policy.Subcommands.Add(Change(environment, "resume", "Resume scheduled backups.", "resume"));
        policy.Subcommands.Add(Delete(environment));
        return policy;
    }

    private static Command List(CliEnvironment environment)
    {
        var all = new Option<bool>("--all-namespaces", "-A") { Description = "Policies of every namespace." };
        var status = new Option<string?>("--status") { Description = "Only Active, Paused or Deleted policies." };
        var command = new Command("list", "List policies.") { all, status };
        command.Aliases.Add("ls");
        return command.WithApi(environment, async run =>
        {
            var query = new List<string> { "pageSize=500" };
            if (!run.Get(all)) query.Add($"namespace={Uri.EscapeDataString(run.Namespace)}");
            if (run.Get(status) is { } wanted) query.Add($"status={Uri.EscapeDataString(wanted)}");
            var page = await run.Api.GetAsync($"policies?{string.Join('&', query)}", run.Cancellation);
            run.Output.Print(page, p => PolicyViews.List(p.Items("items")));
            return ExitCodes.Ok;
        });
    }

    private static Command Get(CliEnvironment environment)
    {
        var command = new Command("get", "Describe one policy.") { PolicyArgument };
        command.Aliases.Add("describe");
        return command.WithApi(environment, async run =>
        {
            run.Output.Print(await PolicyLookup.FindAsync(run, run.Get(PolicyArgument)), PolicyViews.Describe);
            return ExitCodes.Ok;
        });
    }

    private static Command Change(CliEnvironment environment, string name, string description, string action)
    {
        var reason = new Option<string?>("--reason") { Description = "Why (kept with the policy's history)." };
        var command = new Command(name, description) { PolicyArgument };
        if (action == "pause") command.Options.Add(reason);
        return command.WithApi(environment, async run =>
        {
            var id = PolicyLookup.IdOf(await PolicyLookup.FindAsync(run, run.Get(PolicyArgument)));
            var query = action == "pause" && run.Get(reason) is { } why ? $"?reason={Uri.EscapeDataString(why)}" : "";
            var changed = await run.Api.PostAsync($"policies/{id}/{action}{query}", null, run.Cancellation);
            run.Output.Print(changed, PolicyViews.Describe);
            return ExitCodes.Ok;
        });
    }

    private static Command Delete(CliEnvironment environment)
    {
        var command = new Command("delete", "Delete a policy; its backups stay restorable.") { PolicyArgument };
        return command.WithApi(environment, async run =>
        {
            var policy = await PolicyLookup.FindAsync(run, run.Get(PolicyArgument));
            await run.Api.SendAsync(HttpMethod.Delete, $"policies/{PolicyLookup.IdOf(policy)}", null, run.Cancellation);
            var deleted = JsonSerializer.SerializeToElement(new { id = PolicyLookup.IdOf(policy), application = PolicyViews.Application(policy), deleted = true });
            run.Output.Print(deleted, d => Output.Fields([("Deleted", $"policy {d.Text("id")} of {d.Text("application")}")]));
            return ExitCodes.Ok;
        });
    }
}

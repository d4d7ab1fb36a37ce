namespace Stowage.Cli;

/// <summary>Every command of the CLI, each a thin call to one service's REST API.</summary>
internal static class Commands
{
    public static readonly IReadOnlyList<CliCommand> All =
    [
        new("policies list", "[--namespace NS] [--application APP] [--status active|paused|deleted]", "List policies",
            (i, u) => Get(u.Policy, $"policies?{Query(i, "namespace", "application", "status", "page", "pageSize")}")),
        new("policies get", "ID", "Show a policy", (i, u) => Get(u.Policy, $"policies/{i.Value(0, "ID")}")),
        new("policies create", "-f SPEC.json [--paused true]", "Create a policy",
            (i, u) => Post(u.Policy, $"policies?{Query(i, "paused")}", i.JsonFile())),
        new("policies replace", "ID --version V -f SPEC.json", "Replace a policy's spec (V from 'policies get')",
            (i, u) => WithIfMatch(new HttpRequestMessage(HttpMethod.Put, new Uri(u.Policy, $"policies/{i.Value(0, "ID")}")) { Content = i.JsonFile() }, i)),
        new("policies pause", "ID [--reason TEXT]", "Stop a policy's scheduled runs",
            (i, u) => Post(u.Policy, $"policies/{i.Value(0, "ID")}/pause?{Query(i, "reason")}", null)),
        new("policies resume", "ID", "Resume a policy's runs", (i, u) => Post(u.Policy, $"policies/{i.Value(0, "ID")}/resume", null)),
        new("policies delete", "ID", "Delete a policy (its backups stay restorable)",
            (i, u) => new HttpRequestMessage(HttpMethod.Delete, new Uri(u.Policy, $"policies/{i.Value(0, "ID")}"))),
        new("policies history", "ID", "Every change of a policy", (i, u) => Get(u.Policy, $"policies/{i.Value(0, "ID")}/events")),
        new("targets check", "-f CHECK.json", "Try a target: reachable, listable, writable", (i, u) => Post(u.Policy, "targets/check", i.JsonFile())),
        new("suggestions list", "", "Policies discovery suggests", (i, u) => Get(u.Policy, "suggestions")),
        new("suggestions accept", "NAMESPACE/NAME -f ACCEPT.json", "Turn a suggestion into a policy",
            (i, u) => Post(u.Policy, $"suggestions/{i.Value(0, "NAMESPACE/NAME")}/accept", i.JsonFile())),
        new("schedules get", "POLICY_ID", "A policy's schedule: next run, last run, current run", (i, u) => Get(u.Scheduler, $"schedules/{i.Value(0, "POLICY_ID")}")),
        new("backups now", "POLICY_ID", "Back up now", (i, u) => Post(u.Scheduler, $"schedules/{i.Value(0, "POLICY_ID")}/run-now", null)),
        new("backups history", "[--policyId ID]", "Past and queued backup runs with their outcome", (i, u) => Get(u.Mover, $"runs?{Query(i, "policyId")}")),
        new("backups status", "RUN_ID", "A backup run's step, progress and outcome", (i, u) => Get(u.Mover, $"runs/{i.Value(0, "RUN_ID")}")),
        new("backups list", "-f LIST.json", "The backups a bucket holds (from the bucket alone)", (i, u) => Post(u.Restore, "backups/list", i.JsonFile())),
        new("restores start", "-f RESTORE.json", "Start a restore", (i, u) => Post(u.Restore, "restores", i.JsonFile())),
        new("restores status", "RESTORE_ID", "A restore's step, then its report per resource and volume", (i, u) => Get(u.Restore, $"restores/{i.Value(0, "RESTORE_ID")}")),
    ];

    private static HttpRequestMessage Get(Uri service, string path) => new(HttpMethod.Get, new Uri(service, path));

    private static HttpRequestMessage Post(Uri service, string path, HttpContent? body) => new(HttpMethod.Post, new Uri(service, path)) { Content = body };

    private static HttpRequestMessage WithIfMatch(HttpRequestMessage request, CommandInput input)
    {
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{input.Option("version") ?? throw new UsageException("missing --version V")}\"");
        return request;
    }

    private static string Query(CommandInput input, params string[] names) =>
        string.Join('&', names.Where(n => input.Option(n) is not null).Select(n => $"{n}={Uri.EscapeDataString(input.Option(n)!)}"));
}

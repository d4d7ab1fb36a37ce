using System.Text.Json;
using Spectre.Console.Rendering;

namespace Stowage.Cli.Policies;

/// <summary>How a policy reads for people: one row of a list, or its description.</summary>
internal static class PolicyViews
{
    public static IRenderable List(IEnumerable<JsonElement> policies) => Output.Rows(
        ["ID", "APPLICATION", "SCHEDULE", "KEEP", "TARGET", "STATUS"],
        policies.Select(p => new[] { p.Text("id"), Application(p), Schedule(p), p.Text("spec", "retention", "keepLast"), Target(p), Status(p) }));

    public static IRenderable Describe(JsonElement p) => Output.Fields(
    [
        ("ID", p.Text("id")),
        ("Application", Application(p)),
        ("Status", Status(p) + (p.Text("pausedReason") is { } reason ? $" ({reason})" : "")),
        ("Target", Target(p)),
        ("Endpoint", p.Text("spec", "target", "endpoint")),
        ("Credentials", p.Text("spec", "target", "credentials", "secretName") is { } secret ? $"secret {secret}" : p.Text("spec", "target", "credentials", "configurationName") is { } name ? $"configuration {name}" : null),
        ("Schedule", Schedule(p)),
        ("Retention", $"keep last {p.Text("spec", "retention", "keepLast")}"),
        ("Copy method", p.Text("spec", "copyMethod")),
        ("Hooks", p.Items("spec", "hooks").Count().ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("Version", p.Text("version")),
        ("Created", p.Time("createdAt")),
        ("Updated", p.Time("updatedAt")),
    ]);

    public static string Application(JsonElement p) => $"{p.Text("spec", "application", "namespace")}/{p.Text("spec", "application", "name")}";

    public static string Target(JsonElement p) =>
        $"{p.Text("spec", "target", "provider")}://{p.Text("spec", "target", "bucket")}/{p.Text("spec", "target", "prefix")}".TrimEnd('/');

    private static string? Schedule(JsonElement p) =>
        p.Text("spec", "schedule", "interval") is { } every ? $"every {every}"
        : p.Text("spec", "schedule", "cron") is { } cron ? $"cron {cron}{(p.Text("spec", "schedule", "timeZone") is { } zone ? $" ({zone})" : "")}" : null;

    private static string? Status(JsonElement p) => p.Text("status") + (p.At("orphaned") is { ValueKind: JsonValueKind.True } ? ", application gone" : "");
}

using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Stowage.Cli.Restores;

/// <summary>How a restore reads for people: its state, then its report per resource and per volume.</summary>
internal static class RestoreViews
{
    public static IRenderable Describe(JsonElement restore)
    {
        var fields = Output.Fields(
        [
            ("Restore", restore.Text("restoreId")),
            ("State", restore.Text("report", "outcome") ?? restore.Text("runtimeStatus")),
            ("From run", restore.Text("report", "runId")),
            ("Step", restore.Text("status", "step")),
            ("Volumes", restore.At("status") is null ? null : $"{restore.Text("status", "volumesDone")}/{restore.Text("status", "volumesTotal")} done"),
            ("Reason", restore.Text("report", "reason") ?? restore.Text("failure")),
        ]);
        if (restore.At("report") is not { } report) return fields;
        var items = report.Items("resources").Concat(report.Items("volumes"));
        var table = Output.Rows(["KIND", "NAME", "RESULT", "DETAIL"],
            items.Select(i => new[] { i.Text("kind"), i.Text("name"), i.At("succeeded") is { ValueKind: JsonValueKind.True } ? "restored" : "FAILED", i.Text("detail") }));
        return new Rows(fields, new Text(""), table);
    }

    public static bool IsOver(JsonElement restore) => restore.Text("runtimeStatus") is "Completed" or "Failed" or "Terminated";

    public static string Step(JsonElement restore) =>
        restore.Text("report", "outcome") ?? $"{restore.Text("status", "step") ?? "pending"} ({restore.Text("status", "volumesDone") ?? "0"}/{restore.Text("status", "volumesTotal") ?? "?"} volumes)";
}

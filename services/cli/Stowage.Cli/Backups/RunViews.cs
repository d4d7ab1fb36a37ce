using Stowage.Contracts;
using System.Text.Json;
using Spectre.Console.Rendering;

namespace Stowage.Cli.Backups;

/// <summary>How backup runs read for people: the history (GET /runs) and one run's live status (GET /runs/{id}).</summary>
internal static class RunViews
{
    public static IRenderable List(IEnumerable<JsonElement> runs) => Output.Rows(
        ["RUN", "APPLICATION", "TRIGGER", "REQUESTED", "STATE", "ADDED", "SOURCE"],
        runs.Select(r => new[]
        {
            r.Text("runId"), r.Text("application"), r.Text("trigger"), r.Time("requestedAt"), r.Text("state"),
            ByteSizes.Format(r.Items("volumes").Sum(v => v.Number("bytesAdded"))), ByteSizes.Format(SourceBytes(r)),
        }));

    /// <summary>A run's live status, with what its history says once it has ended (<paramref name="summary"/>, when known).</summary>
    public static IRenderable Describe(JsonElement run, JsonElement? summary) => Output.Fields(
    [
        ("Run", run.Text("runId")),
        ("State", run.Text("outcome") ?? run.Text("runtimeStatus")),
        ("Step", run.Text("status", "step") ?? run.Text("progress", "step")),
        ("Volumes", run.At("status") is null ? null : $"{run.Text("status", "volumesDone")}/{run.Text("status", "volumesTotal")} done"),
        ("Read", summary is { } s ? ByteSizes.Format(SourceBytes(s)) : run.At("progress") is null ? null : ByteSizes.Format(run.Number("progress", "bytesProcessed"))),
        ("Added", summary is { } added ? ByteSizes.Format(added.Items("volumes").Sum(v => v.Number("bytesAdded"))) : null),
        ("Reason", summary?.Text("reason") ?? run.Text("failure")),
    ]);

    /// <summary>Bytes of files the run's volumes held: what the next backup of the policy will read, about.</summary>
    public static long SourceBytes(JsonElement run) => run.Items("volumes").Sum(v => v.Number("sourceBytes"));
}

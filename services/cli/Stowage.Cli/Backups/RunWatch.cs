using Stowage.Contracts;
using System.Text.Json;
using Spectre.Console;

namespace Stowage.Cli.Backups;

/// <summary>
/// Follows a backup run (GET /runs/{id}) to its end. In a terminal: a live bar of the bytes read, the rate and the time
/// left, against the last successful run's size (no estimate on a policy's first run). Elsewhere: a line per change.
/// </summary>
internal static class RunWatch
{
    public static async Task<JsonElement> FollowAsync(Invocation run, string runId, long expectedBytes)
    {
        var console = run.Output.Console;
        if (!run.Output.ForPeople) return await PollAsync(run, runId, _ => { });
        if (!console.Profile.Capabilities.Interactive)
        {
            string? last = null;
            return await PollAsync(run, runId, state =>
            {
                // No progress is no figure: before a copy's first report, and once the run is over (its history has the total).
                var read = state.At("progress") is null ? "" : $", {ByteSizes.Format(state.Number("progress", "bytesProcessed"))} read";
                var line = $"backup {runId}: {Step(state)}{read}";
                if (line != last) run.Output.Say(last = line);
            });
        }

        JsonElement finished = default;
        run.Output.Say($"backup {runId}");
        await console.Progress().AutoClear(false).HideCompleted(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn { Width = 24 }, new PercentageColumn(), new BytesColumn(),
                new TransferSpeedColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var bar = context.AddTask("queued", maxValue: Math.Max(expectedBytes, 1));
                bar.IsIndeterminate = expectedBytes <= 0;
                long read = 0;
                finished = await PollAsync(run, runId, state =>
                {
                    // A finished run's state has no progress: the bar keeps the last figure rather than falling to 0 B.
                    if (state.At("progress") is not null) read = state.Number("progress", "bytesProcessed");
                    // A run that reads more than the last one did: the estimate grows, and the bar never claims done early.
                    if (read >= bar.MaxValue) bar.MaxValue = read * 1.05 + 1;
                    bar.Value = read;
                    bar.State.Update<long>(BytesColumn.ReadKey, _ => read);
                    bar.Description = Markup.Escape(Step(state));
                });
                bar.IsIndeterminate = false;
                bar.Value = bar.MaxValue;
                bar.StopTask();
            });
        return finished;
    }

    private static Task<JsonElement> PollAsync(Invocation run, string runId, Action<JsonElement> report) =>
        Polling.UntilAsync(run, $"runs/{Uri.EscapeDataString(runId)}", IsOver, report);

    private static bool IsOver(JsonElement state) => state.Text("outcome") is not null || state.Text("runtimeStatus") is "Failed" or "Terminated";

    private static string Step(JsonElement state) =>
        state.Text("outcome") ?? $"{state.Text("status", "step") ?? "queued"} ({state.Text("status", "volumesDone") ?? "0"}/{state.Text("status", "volumesTotal") ?? "?"} volumes)";
}

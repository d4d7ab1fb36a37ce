using System.Text.Json;

namespace Stowage.Cli;

internal static class Polling
{
    /// <summary>Reads <paramref name="path"/> every poll interval, reporting each answer, until <paramref name="isOver"/> says so.</summary>
    public static async Task<JsonElement> UntilAsync(Invocation run, string path, Func<JsonElement, bool> isOver, Action<JsonElement> report)
    {
        while (true)
        {
            var state = await run.Api.GetAsync(path, run.Cancellation);
            report(state);
            if (isOver(state)) return state;
            await Task.Delay(run.Environment.PollInterval, run.Cancellation);
        }
    }
}

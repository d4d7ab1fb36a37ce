using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Stowage.Mover.Engine.Backup;
using Stowage.Mover.Engine.Restore;
using Stowage.Mover.Engine.Snapshots;

namespace Stowage.Mover.Cli;

/// <summary>
/// Output for a program that runs the CLI, such as the mover's volume jobs: the result as one compact JSON document
/// in a file (a pod's termination message), progress as JSON lines on stderr (the pod's log).
/// </summary>
internal static class MachineOutput
{
    public static readonly Option<FileInfo?> ResultFile = new("--result-file")
    {
        Description = "Also write the result as compact JSON to this file (e.g. /dev/termination-log).",
    };

    public static readonly Option<bool> ProgressJson = new("--progress-json")
    {
        Description = "Report progress as one JSON line per second on stderr instead of a terminal status line.",
    };

    public static IProgress<BackupProgress>? Progress(ParseResult parse, string verb) =>
        parse.GetValue(ProgressJson) ? new JsonProgressLines() : ProgressLine.ForTerminal(verb);

    public static void WriteResult<T>(ParseResult parse, T value, JsonTypeInfo<T> type)
    {
        if (parse.GetValue(ResultFile) is { } file) File.WriteAllText(file.FullName, JsonSerializer.Serialize(value, type));
    }

    private sealed class JsonProgressLines : IProgress<BackupProgress>
    {
        private long lastWritten = long.MinValue;

        public void Report(BackupProgress value)
        {
            var now = Stopwatch.GetTimestamp();
            // The first report always goes out: measured from long.MinValue, the elapsed time overflows to a negative one.
            if (lastWritten != long.MinValue && Stopwatch.GetElapsedTime(lastWritten, now) < TimeSpan.FromSeconds(1)) return;
            lastWritten = now;
            Console.Error.WriteLine(JsonSerializer.Serialize(value, CompactJsonContext.Default.BackupProgress));
        }
    }
}

/// <summary>Source-generated serializers for <see cref="MachineOutput"/>: one line per document.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(SnapshotInfo))]
[JsonSerializable(typeof(BackupOutcome))]
[JsonSerializable(typeof(RestoreResult))]
[JsonSerializable(typeof(BackupProgress))]
internal sealed partial class CompactJsonContext : JsonSerializerContext;

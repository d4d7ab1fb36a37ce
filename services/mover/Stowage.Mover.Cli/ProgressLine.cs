using Stowage.Mover.Engine.Backup;

namespace Stowage.Mover.Cli;

/// <summary>A single live status line on a terminal's stderr; silent when stderr is redirected.</summary>
internal sealed class ProgressLine(string verb) : IProgress<BackupProgress>
{
    private static bool _drawn;

    public static IProgress<BackupProgress>? ForTerminal(string verb) => Console.IsErrorRedirected ? null : new ProgressLine(verb);

    public void Report(BackupProgress value)
    {
        var total = value.ScanComplete ? $"/{value.FilesTotal} files, {Size(value.BytesDone)}/{Size(value.BytesTotal)}" : $" files, {Size(value.BytesDone)}";
        var eta = value.Eta is { } left ? $", ETA {left:hh\\:mm\\:ss}" : "";
        var line = $"[{value.Elapsed:hh\\:mm\\:ss}] {verb} {value.FilesDone}{total}, {Size((long)value.BytesPerSecond)}/s{eta}";
        var width = Math.Max(20, Console.WindowWidth - 1);
        Console.Error.Write("\r" + (line.Length > width ? line[..width] : line.PadRight(width)));
        _drawn = true;
    }

    public static void Clear()
    {
        if (!_drawn) return;
        Console.Error.Write("\r" + new string(' ', Math.Max(20, Console.WindowWidth - 1)) + "\r");
        _drawn = false;
    }

    public static string Size(long bytes) => bytes switch
    {
        >= 1L << 30 => $"{bytes / (double)(1L << 30):F2} GiB",
        >= 1L << 20 => $"{bytes / (double)(1L << 20):F1} MiB",
        >= 1L << 10 => $"{bytes / 1024.0:F1} KiB",
        _ => $"{bytes} B",
    };
}

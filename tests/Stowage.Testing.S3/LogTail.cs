namespace Stowage.Testing.S3;

/// <summary>Quotes the end of a log for a start-up error: Ceph's last lines are often a crash dump's boilerplate,
/// so the last lines it logged as errors (level -1) come first.</summary>
internal static class LogTail
{
    private const int TailLines = 20;
    private const int ErrorLines = 8;

    public static string Quote(string? path) =>
        path is null || !File.Exists(path) ? string.Empty : QuoteText(File.ReadAllText(path), path);

    public static string QuoteText(string text, string source)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length == 0)
        {
            return string.Empty;
        }

        var errors = lines.Where(IsError).Distinct().TakeLast(ErrorLines).ToList();
        var quote = $"\n--- {source}: last {Math.Min(TailLines, lines.Length)} lines ---\n{string.Join('\n', lines.TakeLast(TailLines))}";
        return errors.Count == 0 ? quote : $"\n--- {source}: last errors ---\n{string.Join('\n', errors)}{quote}";
    }

    private static bool IsError(string line) =>
        line.Contains(" -1 ", StringComparison.Ordinal) || line.Contains("ERROR", StringComparison.Ordinal) ||
        line.Contains("FAILED", StringComparison.Ordinal);
}

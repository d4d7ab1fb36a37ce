namespace Stowage.Testing.S3;

internal static class LogTail
{
    private const int Lines = 25;

    public static string Quote(string? path)
    {
        if (path is null || !File.Exists(path) || new FileInfo(path).Length == 0)
        {
            return string.Empty;
        }

        var tail = File.ReadLines(path).TakeLast(Lines);
        return $"\n--- last {Lines} lines of {path} ---\n{string.Join('\n', tail)}";
    }
}

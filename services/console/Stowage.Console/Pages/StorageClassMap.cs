namespace Stowage.Console.Pages;

/// <summary>The restore form's storage-class mapping: one "from=to" pair per line.</summary>
public static class StorageClassMap
{
    public static bool TryParse(string? text, out IReadOnlyDictionary<string, string> map, out string problem)
    {
        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        map = pairs;
        problem = "";
        foreach (var line in (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split('=', StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
            {
                problem = $"Storage-class mapping: '{line}' is not of the form from=to.";
                return false;
            }
            pairs[parts[0]] = parts[1];
        }
        return true;
    }
}

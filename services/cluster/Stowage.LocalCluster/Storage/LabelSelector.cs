namespace Stowage.LocalCluster.Storage;

/// <summary>A parsed <c>labelSelector</c> query: <c>a=b</c>, <c>a==b</c>, <c>a!=b</c>, <c>a</c>, <c>!a</c>, <c>a in (x,y)</c>, <c>a notin (x,y)</c>.</summary>
internal sealed class LabelSelector
{
    private readonly IReadOnlyList<Func<IReadOnlyDictionary<string, string>, bool>> requirements;

    private LabelSelector(IReadOnlyList<Func<IReadOnlyDictionary<string, string>, bool>> requirements) =>
        this.requirements = requirements;

    public static LabelSelector Everything { get; } = new([]);

    public bool Matches(IReadOnlyDictionary<string, string> labels) => requirements.All(requirement => requirement(labels));

    public static LabelSelector Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Everything;
        }
        return new LabelSelector(SplitTopLevel(text).Select(ParseRequirement).ToList());
    }

    private static Func<IReadOnlyDictionary<string, string>, bool> ParseRequirement(string text)
    {
        var term = text.Trim();
        if (term.StartsWith('!'))
        {
            var absent = term[1..].Trim();
            return labels => !labels.ContainsKey(absent);
        }
        var notIn = term.IndexOf(" notin ", StringComparison.Ordinal);
        if (notIn > 0)
        {
            var (key, values) = (term[..notIn].Trim(), ParseSet(term[(notIn + 7)..]));
            return labels => !labels.TryGetValue(key, out var value) || !values.Contains(value);
        }
        var inSet = term.IndexOf(" in ", StringComparison.Ordinal);
        if (inSet > 0)
        {
            var (key, values) = (term[..inSet].Trim(), ParseSet(term[(inSet + 4)..]));
            return labels => labels.TryGetValue(key, out var value) && values.Contains(value);
        }
        var notEqual = term.IndexOf("!=", StringComparison.Ordinal);
        if (notEqual > 0)
        {
            var (key, expected) = (term[..notEqual].Trim(), term[(notEqual + 2)..].Trim());
            return labels => !labels.TryGetValue(key, out var value) || value != expected;
        }
        var equal = term.IndexOf('=');
        if (equal > 0)
        {
            var key = term[..equal].Trim();
            var expected = term[(equal + 1)..].TrimStart('=').Trim();
            return labels => labels.TryGetValue(key, out var value) && value == expected;
        }
        return labels => labels.ContainsKey(term);
    }

    private static HashSet<string> ParseSet(string text) =>
        text.Trim().TrimStart('(').TrimEnd(')').Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet();

    /// <summary>Splits on commas that are not inside an <c>in (...)</c> set.</summary>
    internal static IEnumerable<string> SplitTopLevel(string text)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            depth += text[i] switch { '(' => 1, ')' => -1, _ => 0 };
            if (text[i] == ',' && depth == 0)
            {
                yield return text[start..i];
                start = i + 1;
            }
        }
        yield return text[start..];
    }
}

using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Stowage.Discovery.Domain.Catalog;

/// <summary>Case-insensitive <c>*</c> and <c>?</c> wildcards, as catalog files write them.</summary>
internal static class Glob
{
    private static readonly ConcurrentDictionary<string, Regex> Compiled = new();

    public static bool IsMatch(string pattern, string value) =>
        Compiled.GetOrAdd(pattern, static p => new Regex(
            "^" + Regex.Escape(p).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + "$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)).IsMatch(value);

    public static bool AnyMatch(IEnumerable<string> patterns, string value) => patterns.Any(pattern => IsMatch(pattern, value));
}

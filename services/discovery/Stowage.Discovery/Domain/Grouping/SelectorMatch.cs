namespace Stowage.Discovery.Domain.Grouping;

internal static class SelectorMatch
{
    /// <summary>An empty selector matches nothing here: grouping must never pull a whole namespace into one application.</summary>
    public static bool Matches(IReadOnlyDictionary<string, string> selector, IReadOnlyDictionary<string, string> labels) =>
        selector.Count > 0 && selector.All(pair => labels.TryGetValue(pair.Key, out var value) && value == pair.Value);
}

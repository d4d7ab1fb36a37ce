using Stowage.Discovery.Domain.Catalog;
using Stowage.Discovery.Domain.Inventory;

namespace Stowage.Discovery.Domain.Classification;

/// <summary>Chooses the pods whose volumes are copied, per the catalog entry's member rule.</summary>
internal static class MemberSelector
{
    public static (IReadOnlyList<string> Selected, IReadOnlyList<string> Problems) Select(MemberRule rule, IReadOnlyList<PodObject> pods)
    {
        var ordered = pods.OrderBy(pod => pod.Name, PodNameComparer.Instance).ToList();
        var all = ordered.Select(pod => pod.Name).ToList();
        switch (rule.Strategy)
        {
            case MemberRule.One:
                return (all.Take(1).ToList(), []);
            case MemberRule.OnePerLabelValue:
                return (ordered.GroupBy(pod => pod.Meta.Labels.GetValueOrDefault(rule.Label!, "")).Select(group => group.First().Name).ToList(), []);
            case MemberRule.MatchLabels:
                foreach (var labels in rule.AnyOf)
                {
                    var matching = ordered.Where(pod => labels.All(pair => pod.Meta.Labels.GetValueOrDefault(pair.Key) == pair.Value)).Select(pod => pod.Name).ToList();
                    if (matching.Count > 0)
                    {
                        return (matching, []);
                    }
                }
                // A single pod is the primary by definition; only a group without a marked member is a problem.
                return (all, pods.Count <= 1 ? [] : ["No pod carries the labels that mark the member to copy (for example the primary); copying every pod instead."]);
            default:
                return (all, []);
        }
    }

    /// <summary>Orders <c>db-2</c> before <c>db-10</c>, so "the first pod" means the lowest ordinal.</summary>
    private sealed class PodNameComparer : IComparer<string>
    {
        public static readonly PodNameComparer Instance = new();

        public int Compare(string? x, string? y)
        {
            var (xPrefix, xOrdinal) = Split(x ?? "");
            var (yPrefix, yOrdinal) = Split(y ?? "");
            var byPrefix = string.CompareOrdinal(xPrefix, yPrefix);
            return byPrefix != 0 ? byPrefix : xOrdinal.CompareTo(yOrdinal);
        }

        private static (string Prefix, long Ordinal) Split(string name)
        {
            var dash = name.LastIndexOf('-');
            return dash > 0 && long.TryParse(name.AsSpan(dash + 1), out var ordinal) ? (name[..dash], ordinal) : (name, -1);
        }
    }
}

using Stowage.Discovery.Domain.Catalog;

namespace Stowage.Discovery.Domain.Classification;

/// <summary>
/// Scores every catalog kind against the evidence (image 3, label 3, owner kind 4, container name 1, port 1; each
/// category counts once) and picks the best that reaches its minimum score; ties go to priority, then name.
/// </summary>
internal static class KindClassifier
{
    public static (CatalogEntry Entry, IReadOnlyList<string> Evidence) Classify(ApplicationCatalog catalog, ClassificationEvidence evidence)
    {
        var best = catalog.Specific
            .Select(entry => (Entry: entry, Matches: Matches(entry.Detect, evidence)))
            .Select(candidate => (candidate.Entry, candidate.Matches, Score: candidate.Matches.Sum(match => match.Weight)))
            .Where(candidate => candidate.Score >= candidate.Entry.Detect.MinimumScore)
            .OrderByDescending(candidate => candidate.Score)
            .ThenByDescending(candidate => candidate.Entry.Priority)
            .ThenBy(candidate => candidate.Entry.Name, StringComparer.Ordinal)
            .FirstOrDefault();
        return best.Entry is null
            ? (catalog.Generic, [])
            : (best.Entry, best.Matches.Select(match => match.Evidence).ToList());
    }

    private static List<(int Weight, string Evidence)> Matches(DetectionRules rules, ClassificationEvidence evidence)
    {
        var matches = new List<(int, string)>();
        if (evidence.ImageNames.Order(StringComparer.Ordinal).FirstOrDefault(image => Glob.AnyMatch(rules.Images, image)) is { } image)
        {
            matches.Add((3, "image:" + image));
        }
        if (evidence.Labels.FirstOrDefault(label => rules.Labels.Any(rule => LabelRuleMatches(rule, label))) is { Key: not null } label)
        {
            matches.Add((3, $"label:{label.Key}={label.Value}"));
        }
        if (rules.OwnerKinds.FirstOrDefault(kind => evidence.OwnerKinds.Contains(kind)) is { } owner)
        {
            matches.Add((4, "owner:" + owner));
        }
        if (evidence.ContainerNames.Order(StringComparer.Ordinal).FirstOrDefault(name => Glob.AnyMatch(rules.ContainerNames, name)) is { } container)
        {
            matches.Add((1, "container:" + container));
        }
        if (rules.Ports.Where(evidence.Ports.Contains).Select(port => (int?)port).FirstOrDefault() is { } port)
        {
            matches.Add((1, "port:" + port));
        }
        return matches;
    }

    private static bool LabelRuleMatches(string rule, KeyValuePair<string, string> label)
    {
        var equals = rule.IndexOf('=');
        return equals < 0
            ? label.Key == rule
            : label.Key == rule[..equals] && Glob.IsMatch(rule[(equals + 1)..], label.Value);
    }
}

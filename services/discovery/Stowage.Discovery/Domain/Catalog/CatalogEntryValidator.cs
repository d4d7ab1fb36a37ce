namespace Stowage.Discovery.Domain.Catalog;

/// <summary>Checks one entry; a file with problems is skipped and reported, never half-used.</summary>
internal static class CatalogEntryValidator
{
    public static IReadOnlyList<string> Problems(CatalogEntry entry)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(entry.Name))
        {
            problems.Add("'name' is required");
        }
        var detect = entry.Detect;
        if (!entry.Generic && detect.Images.Count + detect.Labels.Count + detect.OwnerKinds.Count + detect.ContainerNames.Count + detect.Ports.Count == 0)
        {
            problems.Add("'detect' needs at least one rule (images, labels, ownerKinds, containerNames or ports) unless 'generic: true'");
        }
        if (entry.Members.Strategy is not (MemberRule.All or MemberRule.One or MemberRule.OnePerLabelValue or MemberRule.MatchLabels))
        {
            problems.Add($"'members.strategy' must be all, one, onePerLabelValue or matchLabels, not '{entry.Members.Strategy}'");
        }
        if (entry.Members.Strategy == MemberRule.OnePerLabelValue && string.IsNullOrWhiteSpace(entry.Members.Label))
        {
            problems.Add("'members.label' is required for onePerLabelValue");
        }
        if (entry.Members.Strategy == MemberRule.MatchLabels && entry.Members.AnyOf.Count == 0)
        {
            problems.Add("'members.anyOf' needs at least one label set for matchLabels");
        }
        foreach (var hook in entry.Hooks.Before.Concat(entry.Hooks.After))
        {
            if (hook.Containers.Count == 0 || hook.Command.Count == 0)
            {
                problems.Add("every hook needs 'containers' (at least one) and a non-empty 'command'");
            }
            if (hook.OnError is not ("Fail" or "Continue"))
            {
                problems.Add($"hook 'onError' must be Fail or Continue, not '{hook.OnError}'");
            }
        }
        if (entry.Policy.Interval is not null && !IntervalText.TryParse(entry.Policy.Interval, out _))
        {
            problems.Add($"'policy.interval' '{entry.Policy.Interval}' is not a number followed by m, h or d");
        }
        if (entry.Policy.Schedule is { } cron && cron.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length != 5)
        {
            problems.Add($"'policy.schedule' '{cron}' is not a five-field cron expression");
        }
        if (entry.Policy.KeepLast < 1)
        {
            problems.Add("'policy.keepLast' must be at least 1");
        }
        return problems;
    }
}

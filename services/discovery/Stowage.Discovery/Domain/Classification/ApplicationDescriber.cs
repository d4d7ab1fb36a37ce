using Stowage.Contracts.Discovery;
using Stowage.Discovery.Domain.Catalog;
using Stowage.Discovery.Domain.Grouping;
using Stowage.Discovery.Domain.Inventory;

namespace Stowage.Discovery.Domain.Classification;

/// <summary>Turns grouped resources into the application descriptions discovery announces.</summary>
internal static class ApplicationDescriber
{
    public static IReadOnlyList<ApplicationDescription> DescribeAll(InventorySnapshot snapshot, ApplicationCatalog catalog) =>
        ApplicationGrouper.Group(snapshot).Select(candidate => Describe(candidate, catalog, snapshot)).OfType<ApplicationDescription>().ToList();

    /// <summary>Null when the candidate is neither a known kind nor stateful: nothing there to protect.</summary>
    public static ApplicationDescription? Describe(ApplicationCandidate candidate, ApplicationCatalog catalog, InventorySnapshot snapshot)
    {
        var (entry, evidence) = KindClassifier.Classify(catalog, ClassificationEvidence.From(candidate));
        var missingClaims = candidate.Templates.SelectMany(template => template.ClaimNames).Distinct()
            .Where(name => !snapshot.HasClaim(candidate.Identity.Namespace, name)).ToList();
        if (entry.Generic && candidate.Claims.Count == 0 && missingClaims.Count == 0 && !candidate.Workloads.Any(w => w.ClaimTemplates.Count > 0))
        {
            return null;
        }
        var problems = candidate.AllObjects.SelectMany(o => o.Problems).Concat(snapshot.ProblemsIn(candidate.Identity.Namespace)).ToList();
        problems.AddRange(missingClaims.Select(name => $"Volume claim {name} is mounted but does not exist or could not be read; its data cannot be copied."));
        var (members, memberProblems) = MemberSelector.Select(entry.Members, candidate.Pods);
        problems.AddRange(memberProblems);
        var memberSet = members.ToHashSet();
        var volumes = VolumeDescriber.Describe(candidate, entry.Volumes, memberSet, snapshot, problems);
        var containers = candidate.Templates.SelectMany(template => template.Containers).Select(container => container.Name).Distinct().Order(StringComparer.Ordinal).ToList();
        var hooks = new ConsistencyHooks(Hooks(entry.Hooks.Before, containers, problems), Hooks(entry.Hooks.After, containers, problems));
        var identity = candidate.Identity;
        var description = new ApplicationDescription(
            $"{identity.Namespace}/{identity.Name}",
            identity.Namespace,
            identity.Name,
            new ApplicationKind(entry.Name, entry.DisplayName, entry.Generic, evidence),
            identity.GroupedBy,
            Resources(candidate, volumes),
            volumes,
            candidate.Pods.OrderBy(pod => pod.Name, StringComparer.Ordinal)
                .Select(pod => new ApplicationPod(pod.Name, pod.NodeName, pod.Spec.Containers.Select(c => c.Name).ToList(), memberSet.Contains(pod.Name))).ToList(),
            hooks,
            new MemberSelection(entry.Members.Strategy, entry.Members.Label, members.Order(StringComparer.Ordinal).ToList()),
            Policy(entry.Policy),
            entry.RestoreNotes.Trim(),
            ReadinessAssessor.Assess(volumes, problems),
            "");
        return description with { ContentHash = ContentHasher.Hash(description) };
    }

    /// <summary>Resolves each hook's container globs to a container the application really has.</summary>
    private static List<HookCommand> Hooks(IEnumerable<HookRule> rules, IReadOnlyList<string> containers, List<string> problems) =>
        rules.Select(rule =>
        {
            var container = rule.Containers.Select(pattern => containers.FirstOrDefault(name => Glob.IsMatch(pattern, name))).FirstOrDefault(name => name is not null);
            if (container is null)
            {
                problems.Add($"No container matches the consistency hook's containers ({string.Join(", ", rule.Containers)}); add the container name to a catalog file.");
            }
            return new HookCommand(container ?? rule.Containers[0], rule.Command.ToList(), rule.TimeoutSeconds, rule.OnError);
        }).ToList();

    private static SuggestedPolicy Policy(PolicyRule rule) =>
        new(rule.Schedule, IntervalText.TryParse(rule.Interval, out var interval) ? interval : null, rule.KeepLast);

    private static IReadOnlyList<ResourceReference> Resources(ApplicationCandidate candidate, IReadOnlyList<ApplicationVolume> volumes) =>
        candidate.AllObjects.Select(o => new ResourceReference(o.ApiVersion, o.Kind.ToString(), o.Namespace, o.Name))
            .Concat(candidate.ExternalOwners.Select(owner => new ResourceReference(owner.ApiVersion, owner.Kind, candidate.Identity.Namespace, owner.Name)))
            .Concat(volumes.Where(v => v.VolumeName is not null).Select(v => new ResourceReference("v1", nameof(ObjectKind.PersistentVolume), null, v.VolumeName!)))
            .Distinct()
            .OrderBy(r => r.Kind, StringComparer.Ordinal).ThenBy(r => r.Name, StringComparer.Ordinal)
            .ToList();
}

using Stowage.Discovery.Domain.Grouping;

namespace Stowage.Discovery.Domain.Classification;

/// <summary>What classification looks at, collected from every workload, pod, claim and service of a candidate.</summary>
internal sealed record ClassificationEvidence(
    IReadOnlySet<string> ImageNames,
    IReadOnlyList<KeyValuePair<string, string>> Labels,
    IReadOnlySet<string> OwnerKinds,
    IReadOnlySet<string> ContainerNames,
    IReadOnlySet<int> Ports)
{
    public static ClassificationEvidence From(ApplicationCandidate candidate)
    {
        var containers = candidate.Templates.SelectMany(template => template.Containers).ToList();
        return new ClassificationEvidence(
            containers.Select(container => container.ImageName).ToHashSet(StringComparer.OrdinalIgnoreCase),
            candidate.AllObjects.SelectMany(o => o.Meta.Labels).Concat(candidate.Workloads.SelectMany(w => w.Template.Labels)).Distinct().ToList(),
            candidate.AllObjects.SelectMany(o => o.Meta.Owners).Select(owner => owner.QualifiedKind).ToHashSet(StringComparer.OrdinalIgnoreCase),
            containers.Select(container => container.Name).ToHashSet(StringComparer.OrdinalIgnoreCase),
            containers.SelectMany(container => container.Ports).Concat(candidate.Services.SelectMany(service => service.Ports)).ToHashSet());
    }
}

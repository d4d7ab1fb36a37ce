using Stowage.Discovery.Domain.Inventory;

namespace Stowage.Discovery.Domain.Grouping;

/// <summary>The resources grouped into one application, before classification.</summary>
internal sealed class ApplicationCandidate(ApplicationIdentity identity)
{
    public ApplicationIdentity Identity { get; } = identity;

    public List<WorkloadObject> Workloads { get; } = [];

    public List<PodObject> Pods { get; } = [];

    public List<ClaimObject> Claims { get; } = [];

    public List<ServiceObject> Services { get; } = [];

    public List<NamedObject> ConfigMapsAndSecrets { get; } = [];

    /// <summary>Claim name to the StatefulSet volumeClaimTemplate it was made from.</summary>
    public Dictionary<string, string> ClaimTemplates { get; } = [];

    /// <summary>Claim name to the pod that mounts it.</summary>
    public Dictionary<string, string> ClaimPods { get; } = [];

    public IEnumerable<ClusterObject> AllObjects =>
        Workloads.Cast<ClusterObject>().Concat(Pods).Concat(Claims).Concat(Services).Concat(ConfigMapsAndSecrets);

    public IEnumerable<PodTemplate> Templates => Workloads.Select(w => w.Template).Concat(Pods.Select(p => p.Spec));

    /// <summary>Owners discovery does not watch, such as an operator's custom resource; they are part of the application too.</summary>
    public IEnumerable<OwnerLink> ExternalOwners =>
        AllObjects.SelectMany(o => o.Meta.Owners)
            .Where(owner => owner.Kind is not ("ReplicaSet" or "StatefulSet" or "Deployment" or "DaemonSet" or "ControllerRevision"))
            .DistinctBy(owner => (owner.ApiVersion, owner.Kind, owner.Name));

    public void AddClaim(ClaimObject claim, string? podName, string? templateName)
    {
        if (!Claims.Contains(claim))
        {
            Claims.Add(claim);
        }
        if (podName is not null)
        {
            ClaimPods.TryAdd(claim.Name, podName);
        }
        if (templateName is not null)
        {
            ClaimTemplates.TryAdd(claim.Name, templateName);
        }
    }
}

using k8s.Models;
using Stowage.Discovery.Domain.Inventory;

namespace Stowage.Discovery.Kubernetes;

/// <summary>Reduces KubernetesClient models to the domain's objects; missing fields become problems, never exceptions.</summary>
internal static class KubernetesObjectMapper
{
    public static ObjectMeta Meta(V1ObjectMeta? metadata) => new(
        metadata?.NamespaceProperty ?? "",
        metadata?.Name ?? throw new InvalidDataException("The object has no metadata.name."),
        Copy(metadata.Labels),
        Copy(metadata.Annotations),
        (metadata.OwnerReferences ?? []).Select(owner => new OwnerLink(owner.ApiVersion ?? "", owner.Kind ?? "", owner.Name ?? "", owner.Controller == true)).ToList());

    public static WorkloadObject StatefulSet(V1StatefulSet sts)
    {
        var problems = new List<string>();
        var templates = (sts.Spec?.VolumeClaimTemplates ?? []).Select(template =>
        {
            var size = Storage(template.Spec?.Resources?.Requests);
            if (size is null)
            {
                problems.Add($"StatefulSet {sts.Metadata?.Name}: volumeClaimTemplate '{template.Metadata?.Name}' requests no storage size.");
            }
            return new ClaimTemplate(template.Metadata?.Name ?? "", size, template.Spec?.StorageClassName);
        }).ToList();
        return Workload(sts.Metadata, sts.Spec?.Selector, sts.Spec?.Replicas, sts.Spec?.Template, ObjectKind.StatefulSet, templates, problems);
    }

    public static WorkloadObject Deployment(V1Deployment deployment) =>
        Workload(deployment.Metadata, deployment.Spec?.Selector, deployment.Spec?.Replicas, deployment.Spec?.Template, ObjectKind.Deployment, [], []);

    public static WorkloadObject DaemonSet(V1DaemonSet daemonSet) =>
        Workload(daemonSet.Metadata, daemonSet.Spec?.Selector, null, daemonSet.Spec?.Template, ObjectKind.DaemonSet, [], []);

    public static PodObject Pod(V1Pod pod) =>
        new(Meta(pod.Metadata), pod.Spec is null ? [$"Pod {pod.Metadata?.Name} has no spec."] : [], Template(pod.Metadata?.Labels, pod.Spec), pod.Spec?.NodeName);

    public static ClaimObject Claim(V1PersistentVolumeClaim claim) => new(
        Meta(claim.Metadata),
        [],
        Storage(claim.Status?.Capacity) ?? Storage(claim.Spec?.Resources?.Requests),
        claim.Spec?.StorageClassName,
        claim.Spec?.VolumeName,
        claim.Status?.Phase);

    public static PersistentVolumeObject Volume(V1PersistentVolume volume) =>
        new(Meta(volume.Metadata), [], volume.Spec?.Csi?.Driver, volume.Spec?.StorageClassName, Storage(volume.Spec?.Capacity));

    public static StorageClassObject StorageClass(V1StorageClass storageClass) => new(Meta(storageClass.Metadata), [], storageClass.Provisioner ?? "");

    public static ServiceObject Service(V1Service service) => new(
        Meta(service.Metadata), [], Copy(service.Spec?.Selector), (service.Spec?.Ports ?? []).Select(port => port.Port).ToList());

    public static NamedObject ConfigMap(V1ConfigMap configMap) => new(Meta(configMap.Metadata), [], ObjectKind.ConfigMap);

    /// <summary>Keeps the Secret's name and labels only; its data is dropped here and never stored.</summary>
    public static NamedObject Secret(V1Secret secret) => new(Meta(secret.Metadata), [], ObjectKind.Secret);

    private static WorkloadObject Workload(
        V1ObjectMeta? metadata, V1LabelSelector? selector, int? replicas, V1PodTemplateSpec? template, ObjectKind kind, List<ClaimTemplate> claimTemplates, List<string> problems)
    {
        if (template?.Spec is null)
        {
            problems.Add($"{kind} {metadata?.Name} has no pod template.");
        }
        return new WorkloadObject(Meta(metadata), problems, kind, Copy(selector?.MatchLabels), replicas ?? 1,
            Template(template?.Metadata?.Labels, template?.Spec), claimTemplates);
    }

    private static PodTemplate Template(IDictionary<string, string>? labels, V1PodSpec? spec)
    {
        if (spec is null)
        {
            return PodTemplate.Empty with { Labels = Copy(labels) };
        }
        var volumes = spec.Volumes ?? [];
        var containers = (spec.InitContainers ?? []).Concat(spec.Containers ?? []).ToList();
        return new PodTemplate(
            Copy(labels),
            (spec.Containers ?? []).Select(c => new ContainerInfo(c.Name ?? "", c.Image ?? "", (c.Ports ?? []).Select(p => p.ContainerPort).ToList())).ToList(),
            volumes.Select(v => v.PersistentVolumeClaim?.ClaimName).OfType<string>().ToList(),
            volumes.Select(v => v.ConfigMap?.Name).Concat(containers.SelectMany(c => c.EnvFrom ?? []).Select(e => e.ConfigMapRef?.Name)).OfType<string>().Distinct().ToList(),
            volumes.Select(v => v.Secret?.SecretName).Concat(containers.SelectMany(c => c.EnvFrom ?? []).Select(e => e.SecretRef?.Name)).OfType<string>().Distinct().ToList());
    }

    private static string? Storage(IDictionary<string, ResourceQuantity>? quantities) =>
        quantities is not null && quantities.TryGetValue("storage", out var quantity) ? quantity?.ToString() : null;

    private static IReadOnlyDictionary<string, string> Copy(IDictionary<string, string>? source) =>
        source is null ? new Dictionary<string, string>() : new Dictionary<string, string>(source);
}

using Stowage.LocalCluster.Resources;

namespace Stowage.LocalCluster.Controllers;

/// <summary>The kinds the in-process controllers, scheduler and kubelet read and write.</summary>
internal sealed class ClusterKinds(ResourceTypeRegistry registry)
{
    public FakeResourceType Pods { get; } = Find(registry, "v1", "Pod");

    public FakeResourceType Claims { get; } = Find(registry, "v1", "PersistentVolumeClaim");

    public FakeResourceType Volumes { get; } = Find(registry, "v1", "PersistentVolume");

    public FakeResourceType Nodes { get; } = Find(registry, "v1", "Node");

    public FakeResourceType Secrets { get; } = Find(registry, "v1", "Secret");

    public FakeResourceType Events { get; } = Find(registry, "v1", "Event");

    public FakeResourceType Jobs { get; } = Find(registry, "batch/v1", "Job");

    public FakeResourceType StatefulSets { get; } = Find(registry, "apps/v1", "StatefulSet");

    public FakeResourceType StorageClasses { get; } = Find(registry, "storage.k8s.io/v1", "StorageClass");

    private static FakeResourceType Find(ResourceTypeRegistry registry, string apiVersion, string kind) =>
        registry.FindByKind(apiVersion, kind) ?? throw new InvalidOperationException($"{kind} is not registered.");
}

namespace Stowage.Discovery.Domain.Inventory;

/// <summary>An immutable view of the inventory at one moment, indexed the way grouping reads it.</summary>
internal sealed class InventorySnapshot
{
    private readonly IReadOnlyCollection<ClusterObject> objects;
    private readonly IReadOnlyDictionary<string, IReadOnlyList<string>> namespaceProblems;
    private readonly HashSet<(string Namespace, string Name)> claimKeys;

    public InventorySnapshot(IReadOnlyCollection<ClusterObject> objects, IReadOnlyDictionary<string, IReadOnlyList<string>>? namespaceProblems = null)
    {
        this.objects = objects;
        this.namespaceProblems = namespaceProblems ?? new Dictionary<string, IReadOnlyList<string>>();
        Workloads = Sorted(objects.OfType<WorkloadObject>());
        Pods = Sorted(objects.OfType<PodObject>());
        Claims = Sorted(objects.OfType<ClaimObject>());
        Services = Sorted(objects.OfType<ServiceObject>());
        Named = Sorted(objects.OfType<NamedObject>());
        SnapshotClasses = Sorted(objects.OfType<SnapshotClassObject>());
        PersistentVolumes = objects.OfType<PersistentVolumeObject>().ToDictionary(pv => pv.Name);
        StorageClasses = objects.OfType<StorageClassObject>().ToDictionary(sc => sc.Name);
        claimKeys = Claims.Select(claim => (claim.Namespace, claim.Name)).ToHashSet();
    }

    public IReadOnlyList<WorkloadObject> Workloads { get; }

    public IReadOnlyList<PodObject> Pods { get; }

    public IReadOnlyList<ClaimObject> Claims { get; }

    public IReadOnlyList<ServiceObject> Services { get; }

    /// <summary>ConfigMaps and Secrets, by name only.</summary>
    public IReadOnlyList<NamedObject> Named { get; }

    public IReadOnlyList<SnapshotClassObject> SnapshotClasses { get; }

    public IReadOnlyDictionary<string, PersistentVolumeObject> PersistentVolumes { get; }

    public IReadOnlyDictionary<string, StorageClassObject> StorageClasses { get; }

    public bool HasClaim(string ns, string name) => claimKeys.Contains((ns, name));

    /// <summary>One snapshot per namespace, each with the cluster-scoped objects too, so grouping never compares across namespaces.</summary>
    public IEnumerable<InventorySnapshot> PerNamespace()
    {
        var clusterScoped = objects.Where(o => o.Namespace.Length == 0).ToList();
        return objects.Where(o => o.Namespace.Length > 0).GroupBy(o => o.Namespace)
            .Select(inNamespace => new InventorySnapshot(inNamespace.Concat(clusterScoped).ToList(), namespaceProblems));
    }

    /// <summary>Lasting problems reading this namespace (or the whole cluster), e.g. a kind it may not list.</summary>
    public IReadOnlyList<string> ProblemsIn(string ns) =>
        namespaceProblems.GetValueOrDefault(ns, []).Concat(namespaceProblems.GetValueOrDefault("", [])).ToList();

    private static IReadOnlyList<T> Sorted<T>(IEnumerable<T> objects)
        where T : ClusterObject =>
        objects.OrderBy(o => o.Namespace, StringComparer.Ordinal).ThenBy(o => o.Name, StringComparer.Ordinal).ToList();
}

namespace Stowage.Discovery.Domain.Inventory;

/// <summary>
/// The watched objects as last seen, kept by the watchers and read as snapshots by the reconciler.
/// A failed watch never clears it: discovery keeps the last known state until a list or watch says otherwise.
/// </summary>
internal sealed class ClusterInventory
{
    private readonly Lock gate = new();
    private readonly Dictionary<ObjectKey, ClusterObject> objects = [];
    private readonly Dictionary<(ObjectKind Kind, string Namespace), string> scopeProblems = [];

    private long version;

    /// <summary>Raised after every change, outside the lock.</summary>
    public event Action? Changed;

    /// <summary>Counts changes, so a reader can tell whether it has seen the latest.</summary>
    public long Version => Interlocked.Read(ref version);

    public void Upsert(ClusterObject obj)
    {
        lock (gate)
        {
            objects[obj.Key] = obj;
        }
        Interlocked.Increment(ref version);
        Changed?.Invoke();
    }

    public void Remove(ObjectKey key)
    {
        lock (gate)
        {
            objects.Remove(key);
        }
        Interlocked.Increment(ref version);
        Changed?.Invoke();
    }

    /// <summary>Replaces every object of <paramref name="kind"/> in <paramref name="ns"/> (all namespaces when null) with a fresh list.</summary>
    public void Replace(ObjectKind kind, string? ns, IEnumerable<ClusterObject> current)
    {
        lock (gate)
        {
            var stale = objects.Keys.Where(key => key.Kind == kind && (ns is null || key.Namespace == ns)).ToList();
            foreach (var key in stale)
            {
                objects.Remove(key);
            }
            foreach (var obj in current)
            {
                objects[obj.Key] = obj;
            }
        }
        Interlocked.Increment(ref version);
        Changed?.Invoke();
    }

    /// <summary>Records (or clears, with null) a lasting problem reading one kind in one namespace, e.g. 403 Forbidden.</summary>
    public void SetScopeProblem(ObjectKind kind, string ns, string? problem)
    {
        lock (gate)
        {
            var key = (kind, ns);
            if (scopeProblems.GetValueOrDefault(key) == problem)
            {
                return;
            }
            if (problem is null)
            {
                scopeProblems.Remove(key);
            }
            else
            {
                scopeProblems[key] = problem;
            }
        }
        Interlocked.Increment(ref version);
        Changed?.Invoke();
    }

    public InventorySnapshot Snapshot()
    {
        lock (gate)
        {
            var problems = scopeProblems
                .GroupBy(pair => pair.Key.Namespace)
                .ToDictionary(group => group.Key, group => (IReadOnlyList<string>)group.Select(pair => pair.Value).Order(StringComparer.Ordinal).ToList());
            return new InventorySnapshot(objects.Values.ToList(), problems);
        }
    }
}

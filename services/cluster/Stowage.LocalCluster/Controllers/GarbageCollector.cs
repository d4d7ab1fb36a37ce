using Stowage.LocalCluster.Resources;
using Stowage.LocalCluster.Storage;

namespace Stowage.LocalCluster.Controllers;

/// <summary>Deletes objects whose every owner is gone (background propagation); orphaned dependents lost their owner references before.</summary>
internal sealed class GarbageCollector(ObjectStore store, ResourceTypeRegistry registry) : IReconciler
{
    private readonly Queue<string> deletedOwners = [];
    private readonly Lock gate = new();

    public void OwnerDeleted(StoreEvent change)
    {
        if (change.Type != "DELETED")
        {
            return;
        }
        lock (gate)
        {
            deletedOwners.Enqueue(ObjectWrites.Uid(change.Object));
        }
    }

    public void Reconcile(DateTimeOffset now)
    {
        var owners = new HashSet<string>();
        lock (gate)
        {
            while (deletedOwners.TryDequeue(out var uid))
            {
                owners.Add(uid);
            }
        }
        if (owners.Count == 0)
        {
            return;
        }
        foreach (var type in registry.All().Where(t => t.Namespaced).DistinctBy(t => (t.Group, t.Plural)))
        {
            foreach (var dependent in store.List(type, null, LabelSelector.Everything, FieldSelector.Everything).Items
                .Where(obj => owners.Any(owner => ObjectWrites.IsOwnedBy(obj, owner))))
            {
                ObjectWrites.TryDelete(store, type, ObjectWrites.Namespace(dependent), ObjectWrites.Name(dependent));
            }
        }
    }
}

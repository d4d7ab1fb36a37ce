using System.Text.Json.Nodes;
using Stowage.LocalCluster.Resources;

namespace Stowage.LocalCluster.Storage;

/// <summary>
/// Objects by key, one global resourceVersion counter, and the history of changes that watches replay.
/// Every method takes one lock, so a list's resourceVersion and a watch's starting point are always consistent.
/// </summary>
internal sealed class ObjectStore
{
    private const int MaxHistory = 10_000;
    private readonly Lock gate = new();
    private readonly Dictionary<StoredObjectKey, JsonObject> objects = [];
    private readonly List<StoreEvent> history = [];
    private readonly List<WatchSubscription> subscriptions = [];
    private long version = 1000;
    private long oldestWatchable = 1000;

    public event Action<StoreEvent>? Changed;

    public long CurrentVersion { get { lock (gate) { return version; } } }

    public int OpenWatches { get { lock (gate) { return subscriptions.Count; } } }

    public (IReadOnlyList<JsonObject> Items, long Version) List(FakeResourceType type, string? ns, LabelSelector labels, FieldSelector fields)
    {
        lock (gate)
        {
            var probe = new WatchSubscription(type, ns, labels, fields, _ => { });
            var items = OfType(type)
                .Where(pair => probe.Matches(pair.Value))
                .OrderBy(pair => pair.Key.Namespace, StringComparer.Ordinal).ThenBy(pair => pair.Key.Name, StringComparer.Ordinal)
                .Select(pair => pair.Value.DeepClone().AsObject())
                .ToList();
            return (items, version);
        }
    }

    public JsonObject? Get(FakeResourceType type, string? ns, string name)
    {
        lock (gate)
        {
            return objects.GetValueOrDefault(StoredObjectKey.For(type, ns, name))?.DeepClone().AsObject();
        }
    }

    public JsonObject Create(FakeResourceType type, string? ns, JsonObject obj)
    {
        lock (gate)
        {
            var name = ObjectStamping.NameFor(obj);
            var key = StoredObjectKey.For(type, ns, name);
            if (objects.ContainsKey(key))
            {
                throw ApiException.AlreadyExists(type.Plural, name);
            }
            ObjectStamping.StampCreated(obj, type, ns, ++version);
            objects[key] = obj;
            return Record(new StoreEvent(version, "ADDED", type, obj, null));
        }
    }

    public JsonObject Update(FakeResourceType type, string? ns, string name, Func<JsonObject, JsonObject> change, bool checkVersion = true)
    {
        lock (gate)
        {
            var key = StoredObjectKey.For(type, ns, name);
            var current = objects.GetValueOrDefault(key) ?? throw ApiException.NotFound(type.Plural, name);
            var updated = change(current.DeepClone().AsObject());
            var expected = (string?)updated["metadata"]?["resourceVersion"];
            if (checkVersion && !string.IsNullOrEmpty(expected) && expected != (string?)current["metadata"]?["resourceVersion"])
            {
                throw ApiException.Conflict(type.Plural, name);
            }
            ObjectStamping.StampUpdated(updated, current, ++version);
            objects[key] = updated;
            return Record(new StoreEvent(version, "MODIFIED", type, updated, current));
        }
    }

    public JsonObject Delete(FakeResourceType type, string? ns, string name)
    {
        lock (gate)
        {
            var key = StoredObjectKey.For(type, ns, name);
            if (!objects.Remove(key, out var removed))
            {
                throw ApiException.NotFound(type.Plural, name);
            }
            ObjectStamping.StampDeleted(removed, ++version);
            return Record(new StoreEvent(version, "DELETED", type, removed, removed));
        }
    }

    /// <summary>Opens a watch from <paramref name="fromVersion"/> (replaying later changes), or from now with ADDED for every current object.</summary>
    public WatchSubscription Subscribe(FakeResourceType type, string? ns, LabelSelector labels, FieldSelector fields, long? fromVersion)
    {
        lock (gate)
        {
            if (fromVersion is { } requested && requested < oldestWatchable)
            {
                throw ApiException.Expired(requested, oldestWatchable);
            }
            var subscription = new WatchSubscription(type, ns, labels, fields, Unsubscribe);
            if (fromVersion is { } from)
            {
                foreach (var change in history.Where(change => change.ResourceVersion > from))
                {
                    subscription.Offer(change);
                }
            }
            else
            {
                foreach (var (_, current) in OfType(type).Where(pair => subscription.Matches(pair.Value)))
                {
                    subscription.SendInitial(current.DeepClone().AsObject());
                }
            }
            subscriptions.Add(subscription);
            return subscription;
        }
    }

    /// <summary>Forgets the history, so a watch from any earlier resourceVersion gets 410 Gone.</summary>
    public void Compact()
    {
        lock (gate)
        {
            history.Clear();
            oldestWatchable = version;
        }
    }

    private IEnumerable<KeyValuePair<StoredObjectKey, JsonObject>> OfType(FakeResourceType type) =>
        objects.Where(pair => pair.Key.Group == type.Group && pair.Key.Plural == type.Plural);

    private void Unsubscribe(WatchSubscription subscription)
    {
        lock (gate)
        {
            subscriptions.Remove(subscription);
        }
    }

    private JsonObject Record(StoreEvent change)
    {
        history.Add(change);
        if (history.Count > MaxHistory)
        {
            // As etcd compacts: the oldest changes go, and watches from before them get 410 Gone.
            history.RemoveRange(0, MaxHistory / 2);
            oldestWatchable = history[0].ResourceVersion - 1;
        }
        foreach (var subscription in subscriptions)
        {
            subscription.Offer(change);
        }
        Changed?.Invoke(change);
        return change.Object.DeepClone().AsObject();
    }
}

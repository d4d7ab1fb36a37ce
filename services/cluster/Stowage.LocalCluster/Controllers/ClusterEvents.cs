using System.Text.Json.Nodes;
using Stowage.LocalCluster.Storage;

namespace Stowage.LocalCluster.Controllers;

/// <summary>Records core/v1 Events about an object, counting repeats of the same reason and message as a real recorder does.</summary>
internal sealed class ClusterEvents(ObjectStore store, ClusterKinds kinds, TimeProvider clock)
{
    public void Record(JsonObject involved, string type, string reason, string message, string component)
    {
        var ns = ObjectWrites.Namespace(involved);
        var uid = ObjectWrites.Uid(involved);
        var now = ObjectWrites.Now(clock.GetUtcNow());
        var existing = store.List(kinds.Events, ns, LabelSelector.Everything, FieldSelector.Everything).Items.FirstOrDefault(e =>
            (string?)e["involvedObject"]?["uid"] == uid && (string?)e["reason"] == reason && (string?)e["message"] == message);
        if (existing is not null)
        {
            ObjectWrites.Change(store, kinds.Events, ns, ObjectWrites.Name(existing), e =>
            {
                e["count"] = (ObjectWrites.Number(e["count"]) ?? 1) + 1;
                e["lastTimestamp"] = now;
            });
            return;
        }
        ObjectWrites.TryCreate(store, kinds.Events, ns, new JsonObject
        {
            ["metadata"] = new JsonObject { ["name"] = $"{ObjectWrites.Name(involved)}.{Guid.NewGuid():N}"[..^16], ["namespace"] = ns },
            ["involvedObject"] = new JsonObject
            {
                ["apiVersion"] = involved["apiVersion"]?.DeepClone(),
                ["kind"] = involved["kind"]?.DeepClone(),
                ["namespace"] = ns,
                ["name"] = ObjectWrites.Name(involved),
                ["uid"] = uid,
            },
            ["type"] = type,
            ["reason"] = reason,
            ["message"] = message,
            ["count"] = 1,
            ["firstTimestamp"] = now,
            ["lastTimestamp"] = now,
            ["source"] = new JsonObject { ["component"] = component },
        });
    }
}

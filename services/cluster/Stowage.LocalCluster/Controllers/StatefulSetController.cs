using System.Globalization;
using System.Text.Json.Nodes;
using Stowage.LocalCluster.Scheduling;
using Stowage.LocalCluster.Storage;

namespace Stowage.LocalCluster.Controllers;

/// <summary>
/// Just enough of the StatefulSet controller to start an application: for ordinals 0..replicas-1 it creates the
/// claims of <c>volumeClaimTemplates</c> (<c>{template}-{set}-{ordinal}</c>) when missing, then the pod <c>{set}-{ordinal}</c>,
/// one at a time (OrderedReady: the next only when the previous is Running) or all at once (Parallel). A pod that
/// failed is deleted and made again. Pods above the replica count are deleted. No rolling updates.
/// </summary>
internal sealed class StatefulSetController(ObjectStore store, ClusterKinds kinds, ClusterEvents events) : IReconciler
{
    public void Reconcile(DateTimeOffset now)
    {
        var pods = store.List(kinds.Pods, null, LabelSelector.Everything, FieldSelector.Everything).Items;
        foreach (var set in store.List(kinds.StatefulSets, null, LabelSelector.Everything, FieldSelector.Everything).Items)
        {
            Sync(set, pods.Where(p => ObjectWrites.Namespace(p) == ObjectWrites.Namespace(set)).ToList());
        }
    }

    private void Sync(JsonObject set, List<JsonObject> pods)
    {
        var (ns, name) = (ObjectWrites.Namespace(set), ObjectWrites.Name(set));
        var replicas = (int)(ObjectWrites.Number(set["spec"]?["replicas"]) ?? 1);
        var parallel = (string?)set["spec"]?["podManagementPolicy"] == "Parallel";
        var ready = 0;
        for (var ordinal = 0; ordinal < replicas; ordinal++)
        {
            var podName = $"{name}-{ordinal}";
            var pod = pods.FirstOrDefault(p => ObjectWrites.Name(p) == podName);
            if (pod is not null && PodPhases.Phase(pod) == "Failed")
            {
                ObjectWrites.TryDelete(store, kinds.Pods, ns, podName);
                pod = null;
            }
            if (pod is null)
            {
                CreateClaims(set, ordinal);
                if (ObjectWrites.TryCreate(store, kinds.Pods, ns, PodFor(set, ordinal)))
                {
                    events.Record(set, "Normal", "SuccessfulCreate", $"create Pod {podName} in StatefulSet {name} successful", "statefulset-controller");
                }
                if (!parallel)
                {
                    break;
                }
                continue;
            }
            if (PodPhases.Phase(pod) == "Running")
            {
                ready++;
            }
            else if (!parallel)
            {
                break;
            }
        }
        foreach (var extra in pods.Where(p => IsOrdinalAbove(p, name, replicas) && ObjectWrites.IsOwnedBy(p, ObjectWrites.Uid(set))))
        {
            ObjectWrites.TryDelete(store, kinds.Pods, ns, ObjectWrites.Name(extra));
        }
        ObjectWrites.Change(store, kinds.StatefulSets, ns, name, s =>
        {
            s["status"] = new JsonObject
            {
                ["observedGeneration"] = s["metadata"]?["generation"]?.DeepClone(),
                ["replicas"] = Math.Min(replicas, pods.Count(p => ObjectWrites.IsOwnedBy(p, ObjectWrites.Uid(set)))),
                ["readyReplicas"] = ready,
                ["availableReplicas"] = ready,
                ["currentReplicas"] = ready,
            };
        });
    }

    private void CreateClaims(JsonObject set, int ordinal)
    {
        foreach (var template in (set["spec"]?["volumeClaimTemplates"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var claim = template.DeepClone().AsObject();
            var metadata = claim["metadata"] as JsonObject ?? new JsonObject();
            metadata["name"] = $"{(string?)metadata["name"]}-{ObjectWrites.Name(set)}-{ordinal}";
            metadata["labels"] = Merge(metadata["labels"] as JsonObject, set["spec"]?["selector"]?["matchLabels"] as JsonObject);
            claim["metadata"] = metadata;
            claim.Remove("status");
            ObjectWrites.TryCreate(store, kinds.Claims, ObjectWrites.Namespace(set), claim);
        }
    }

    private static JsonObject PodFor(JsonObject set, int ordinal)
    {
        var name = ObjectWrites.Name(set);
        var pod = set["spec"]?["template"]?.DeepClone().AsObject() ?? new JsonObject();
        var metadata = pod["metadata"] as JsonObject ?? new JsonObject();
        var labels = metadata["labels"] as JsonObject ?? new JsonObject();
        labels["statefulset.kubernetes.io/pod-name"] = $"{name}-{ordinal}";
        labels["apps.kubernetes.io/pod-index"] = ordinal.ToString(CultureInfo.InvariantCulture);
        metadata["labels"] = labels;
        metadata["name"] = $"{name}-{ordinal}";
        metadata["ownerReferences"] = ObjectWrites.OwnedBy(set);
        pod["metadata"] = metadata;
        var spec = pod["spec"] as JsonObject ?? new JsonObject();
        spec["hostname"] = $"{name}-{ordinal}";
        if ((string?)set["spec"]?["serviceName"] is { Length: > 0 } service)
        {
            spec["subdomain"] = service;
        }
        var volumes = spec["volumes"] as JsonArray ?? [];
        foreach (var template in (set["spec"]?["volumeClaimTemplates"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var volume = (string?)template["metadata"]?["name"] ?? "";
            if (volumes.Any(v => (string?)v?["name"] == volume))
            {
                continue;
            }
            volumes.Add(new JsonObject { ["name"] = volume, ["persistentVolumeClaim"] = new JsonObject { ["claimName"] = $"{volume}-{name}-{ordinal}" } });
        }
        spec["volumes"] = volumes;
        pod["spec"] = spec;
        pod["status"] = new JsonObject { ["phase"] = "Pending" };
        return pod;
    }

    private static JsonObject Merge(JsonObject? first, JsonObject? second)
    {
        var merged = first?.DeepClone().AsObject() ?? new JsonObject();
        foreach (var (key, value) in second ?? [])
        {
            merged[key] = value?.DeepClone();
        }
        return merged;
    }

    private static bool IsOrdinalAbove(JsonObject pod, string set, int replicas)
    {
        var name = ObjectWrites.Name(pod);
        return name.StartsWith(set + "-", StringComparison.Ordinal)
            && int.TryParse(name[(set.Length + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var ordinal) && ordinal >= replicas;
    }
}

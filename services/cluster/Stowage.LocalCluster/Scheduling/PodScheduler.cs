using System.Text.Json.Nodes;
using Stowage.LocalCluster.Controllers;
using Stowage.LocalCluster.Storage;

namespace Stowage.LocalCluster.Scheduling;

/// <summary>
/// Binds each pending pod without <c>spec.nodeName</c> to a node it may run on (the one with the fewest pods), as
/// kube-scheduler does; a pod no node fits stays Pending with <c>PodScheduled=False</c>, reason Unschedulable, and a
/// FailedScheduling event saying why, and is tried again on the next pass.
/// </summary>
internal sealed class PodScheduler(ObjectStore store, ClusterKinds kinds, ClusterEvents events) : IReconciler
{
    public void Reconcile(DateTimeOffset now)
    {
        var pods = store.List(kinds.Pods, null, LabelSelector.Everything, FieldSelector.Everything).Items;
        var pending = pods.Where(p => string.IsNullOrEmpty((string?)p["spec"]?["nodeName"]) && !PodPhases.IsTerminal(p)).ToList();
        if (pending.Count == 0)
        {
            return;
        }
        var nodes = store.List(kinds.Nodes, null, LabelSelector.Everything, FieldSelector.Everything).Items;
        foreach (var pod in pending)
        {
            var (node, reason) = Choose(pod, nodes, pods);
            if (node is not null)
            {
                var nodeName = ObjectWrites.Name(node);
                ObjectWrites.Change(store, kinds.Pods, ObjectWrites.Namespace(pod), ObjectWrites.Name(pod), p =>
                {
                    p["spec"]!["nodeName"] = nodeName;
                    PodPhases.SetCondition(p, "PodScheduled", "True", null, null, ObjectWrites.Now(now));
                });
                events.Record(pod, "Normal", "Scheduled", $"Successfully assigned {ObjectWrites.Namespace(pod)}/{ObjectWrites.Name(pod)} to {nodeName}", "default-scheduler");
                continue;
            }
            var changed = ObjectWrites.Change(store, kinds.Pods, ObjectWrites.Namespace(pod), ObjectWrites.Name(pod), p =>
            {
                p["status"] ??= new JsonObject();
                p["status"]!["phase"] = "Pending";
                PodPhases.SetCondition(p, "PodScheduled", "False", "Unschedulable", reason, ObjectWrites.Now(now));
            });
            if (changed)
            {
                events.Record(pod, "Warning", "FailedScheduling", reason, "default-scheduler");
            }
        }
    }

    private (JsonObject? Node, string Reason) Choose(JsonObject pod, IReadOnlyList<JsonObject> nodes, IReadOnlyList<JsonObject> pods)
    {
        var ns = ObjectWrites.Namespace(pod);
        foreach (var claim in PodVolumes.ClaimNames(pod))
        {
            if (store.Get(kinds.Claims, ns, claim) is null)
            {
                return (null, $"0/{nodes.Count} nodes are available: persistentvolumeclaim \"{claim}\" not found.");
            }
        }
        var reasons = new Dictionary<string, int>();
        var fitting = new List<JsonObject>();
        foreach (var node in nodes)
        {
            var reason = NodeAffinity.UntoleratedTaint(pod, node) is { } taint
                ? $"node(s) had untolerated taint {{{(string?)taint["key"]}: {(string?)taint["value"]}}}"
                : !NodeAffinity.SelectorMatches(pod, node) ? "node(s) didn't match Pod's node affinity/selector"
                : node["spec"]?["unschedulable"]?.GetValue<bool>() == true ? "node(s) were unschedulable"
                : null;
            if (reason is null)
            {
                fitting.Add(node);
            }
            else
            {
                reasons[reason] = reasons.GetValueOrDefault(reason) + 1;
            }
        }
        if (fitting.Count > 0)
        {
            var chosen = fitting.OrderBy(node => pods.Count(p => (string?)p["spec"]?["nodeName"] == ObjectWrites.Name(node) && !PodPhases.IsTerminal(p)))
                .ThenBy(ObjectWrites.Name, StringComparer.Ordinal).First();
            return (chosen, "");
        }
        var why = string.Join(", ", reasons.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Value} {pair.Key}"));
        return (null, $"0/{nodes.Count} nodes are available: {(why.Length == 0 ? "no nodes registered" : why)}.");
    }
}

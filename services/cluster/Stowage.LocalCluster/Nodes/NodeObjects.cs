using System.Text.Json.Nodes;

namespace Stowage.LocalCluster.Nodes;

/// <summary>Node objects as a kubelet registers them, and the marks the node lifecycle controller puts on a node that stopped answering.</summary>
internal static class NodeObjects
{
    public const string UnreachableTaint = "node.kubernetes.io/unreachable";

    public static JsonObject Registered(string name, string now) => new()
    {
        ["metadata"] = new JsonObject
        {
            ["name"] = name,
            ["labels"] = new JsonObject
            {
                ["kubernetes.io/hostname"] = name,
                ["kubernetes.io/os"] = "linux",
                ["kubernetes.io/arch"] = "amd64",
            },
        },
        ["spec"] = new JsonObject(),
        ["status"] = new JsonObject
        {
            ["conditions"] = new JsonArray(Ready("True", "KubeletReady", "kubelet is posting ready status", now)),
            ["addresses"] = new JsonArray(new JsonObject { ["type"] = "Hostname", ["address"] = name }, new JsonObject { ["type"] = "InternalIP", ["address"] = "127.0.0.1" }),
            ["nodeInfo"] = new JsonObject { ["kubeletVersion"] = "v1.32.0-stowage-fake", ["operatingSystem"] = "linux", ["architecture"] = "amd64" },
        },
    };

    public static void MarkUnreachable(JsonObject node, string now)
    {
        node["status"]!["conditions"] = new JsonArray(Ready("Unknown", "NodeStatusUnknown", "Kubelet stopped posting node status.", now));
        node["spec"]!["taints"] = new JsonArray(
            new JsonObject { ["key"] = UnreachableTaint, ["effect"] = "NoSchedule", ["timeAdded"] = now },
            new JsonObject { ["key"] = UnreachableTaint, ["effect"] = "NoExecute", ["timeAdded"] = now });
    }

    public static bool IsReady(JsonObject node) =>
        (node["status"]?["conditions"] as JsonArray ?? []).Any(c => (string?)c?["type"] == "Ready" && (string?)c?["status"] == "True");

    private static JsonObject Ready(string status, string reason, string message, string now) => new()
    {
        ["type"] = "Ready",
        ["status"] = status,
        ["reason"] = reason,
        ["message"] = message,
        ["lastHeartbeatTime"] = now,
        ["lastTransitionTime"] = now,
    };
}

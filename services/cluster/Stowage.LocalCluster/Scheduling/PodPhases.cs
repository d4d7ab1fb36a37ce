using System.Text.Json.Nodes;

namespace Stowage.LocalCluster.Scheduling;

/// <summary>Pod phases and conditions as the scheduler and kubelet report them.</summary>
internal static class PodPhases
{
    public static string? Phase(JsonObject pod) => (string?)pod["status"]?["phase"];

    public static bool IsTerminal(JsonObject pod) => Phase(pod) is "Succeeded" or "Failed";

    public static void SetCondition(JsonObject pod, string type, string status, string? reason, string? message, string now)
    {
        var podStatus = pod["status"] as JsonObject ?? new JsonObject();
        pod["status"] = podStatus;
        var conditions = podStatus["conditions"] as JsonArray ?? [];
        podStatus["conditions"] = conditions;
        var existing = conditions.OfType<JsonObject>().FirstOrDefault(c => (string?)c["type"] == type);
        if (existing is not null && (string?)existing["status"] == status && (string?)existing["reason"] == reason && (string?)existing["message"] == message)
        {
            return;
        }
        var condition = new JsonObject { ["type"] = type, ["status"] = status, ["lastTransitionTime"] = now };
        if (reason is not null)
        {
            condition["reason"] = reason;
        }
        if (message is not null)
        {
            condition["message"] = message;
        }
        if (existing is not null)
        {
            conditions.Remove(existing);
        }
        conditions.Add(condition);
    }
}

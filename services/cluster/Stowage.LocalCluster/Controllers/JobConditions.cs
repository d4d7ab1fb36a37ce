using System.Text.Json.Nodes;

namespace Stowage.LocalCluster.Controllers;

internal static class JobConditions
{
    public static bool IsFinished(JsonObject job) =>
        (job["status"]?["conditions"] as JsonArray ?? []).Any(c => (string?)c?["type"] is "Complete" or "Failed" && (string?)c?["status"] == "True");

    public static JsonObject Condition(string type, string reason, string message, string time) => new()
    {
        ["type"] = type,
        ["status"] = "True",
        ["reason"] = reason,
        ["message"] = message,
        ["lastProbeTime"] = time,
        ["lastTransitionTime"] = time,
    };
}

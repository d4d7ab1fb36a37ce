using System.Text.Json.Nodes;

namespace Stowage.LocalCluster.Scheduling;

/// <summary>The claims a pod mounts.</summary>
internal static class PodVolumes
{
    public static IEnumerable<string> ClaimNames(JsonObject pod) =>
        (pod["spec"]?["volumes"] as JsonArray ?? []).Select(v => (string?)v?["persistentVolumeClaim"]?["claimName"]).OfType<string>();

    public static string? ClaimOfVolume(JsonObject pod, string volumeName) =>
        (pod["spec"]?["volumes"] as JsonArray ?? []).OfType<JsonObject>()
            .Where(v => (string?)v["name"] == volumeName).Select(v => (string?)v["persistentVolumeClaim"]?["claimName"]).FirstOrDefault();
}

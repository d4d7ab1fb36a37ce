using System.Text.Json.Nodes;
using Stowage.Mover.Runtime.Runs;
using Stowage.Common.Kubernetes;

namespace Stowage.Restore.Mapping;

/// <summary>
/// The order in which an application survives its restore: its claims first, so their data is back before anything
/// mounts them; then what workloads refer to; then the workloads, which start the pods.
/// </summary>
public static class RestoreOrder
{
    private static readonly string[] WorkloadKinds = ["StatefulSet", "Deployment", "DaemonSet", "ReplicaSet", "Job", "CronJob"];
    private static readonly string[] BuiltInGroups = ["", "apps", "batch", "policy", "networking.k8s.io", "autoscaling"];

    public static bool IsClaim(JsonObject resource) => (string?)resource["kind"] == "PersistentVolumeClaim";

    /// <summary>
    /// Whether creating the resource starts pods. A custom resource counts as one: an operator's resource (a
    /// PostgresCluster, a Kafka) is what makes its pods.
    /// </summary>
    public static bool IsWorkload(JsonObject resource) =>
        WorkloadKinds.Contains((string?)resource["kind"]) || !BuiltInGroups.Contains(GroupOf(resource));

    /// <summary>
    /// The claims to create before any data is restored: the backed-up claims, and a claim for each backed-up volume
    /// whose claim object was not kept (a StatefulSet's template would otherwise make it empty, after its pod starts).
    /// </summary>
    public static IReadOnlyList<JsonObject> Claims(IEnumerable<JsonObject> resources, IEnumerable<VolumeSnapshotRef> volumes)
    {
        var claims = resources.Where(IsClaim).ToList();
        var named = claims.Select(c => (string?)c["metadata"]?["name"]).ToHashSet();
        claims.AddRange(volumes.Where(v => !named.Contains(v.ClaimName)).Select(ClaimFor));
        return claims;
    }

    /// <summary>The resources to create once the volumes hold their data: workloads last.</summary>
    public static IReadOnlyList<JsonObject> AfterData(IEnumerable<JsonObject> resources) =>
        resources.Where(r => !IsClaim(r)).OrderBy(r => IsWorkload(r) ? 2 : (string?)r["kind"] is "ServiceAccount" or "Secret" or "ConfigMap" ? 0 : 1).ToList();

    private static string GroupOf(JsonObject resource) =>
        ApiVersions.GroupOf((string?)resource["apiVersion"] ?? "");

    private static JsonObject ClaimFor(VolumeSnapshotRef volume)
    {
        var spec = new JsonObject
        {
            ["accessModes"] = new JsonArray("ReadWriteOnce"),
            ["resources"] = new JsonObject { ["requests"] = new JsonObject { ["storage"] = volume.Size ?? "1Gi" } },
        };
        if (volume.StorageClass is not null) spec["storageClassName"] = volume.StorageClass;
        return new JsonObject
        {
            ["apiVersion"] = "v1", ["kind"] = "PersistentVolumeClaim",
            ["metadata"] = new JsonObject { ["name"] = volume.ClaimName }, ["spec"] = spec,
        };
    }
}

using System.Text.Json.Nodes;
using Stowage.LocalCluster.Storage;

namespace Stowage.LocalCluster.Controllers;

/// <summary>
/// Plays the persistent-volume controller and a dynamic provisioner with immediate binding: each pending claim without
/// a data source gets a new PersistentVolume (an empty folder) and is Bound to it; deleting a claim deletes the volume it
/// was provisioned with and its folder (reclaim policy Delete). Claims cloned from a snapshot are left to the CSI snapshotter.
/// </summary>
internal sealed class ClaimProvisioner(ObjectStore store, ClusterKinds kinds, Func<string, string, string> claimFolder) : IReconciler
{
    private const string ProvisionedBy = "pv.kubernetes.io/provisioned-by";
    private const string Provisioner = "stowage.local/folders";

    public void Reconcile(DateTimeOffset now)
    {
        var claims = store.List(kinds.Claims, null, LabelSelector.Everything, FieldSelector.Everything).Items;
        foreach (var claim in claims.Where(c => (string?)c["status"]?["phase"] != "Bound" && c["spec"]?["dataSource"] is null))
        {
            Provision(claim);
        }
        var claimed = claims.Select(c => (ObjectWrites.Namespace(c), ObjectWrites.Name(c), ObjectWrites.Uid(c))).ToHashSet();
        foreach (var volume in store.List(kinds.Volumes, null, LabelSelector.Everything, FieldSelector.Everything).Items
            .Where(v => (string?)v["metadata"]?["annotations"]?[ProvisionedBy] == Provisioner))
        {
            var reference = volume["spec"]?["claimRef"];
            var (ns, name, uid) = ((string?)reference?["namespace"] ?? "", (string?)reference?["name"] ?? "", (string?)reference?["uid"] ?? "");
            if (!claimed.Contains((ns, name, uid)))
            {
                ObjectWrites.TryDelete(store, kinds.Volumes, null, ObjectWrites.Name(volume));
                var folder = claimFolder(ns, name);
                if (Directory.Exists(folder))
                {
                    Directory.Delete(folder, recursive: true);
                }
            }
        }
    }

    private void Provision(JsonObject claim)
    {
        var (ns, name, uid) = (ObjectWrites.Namespace(claim), ObjectWrites.Name(claim), ObjectWrites.Uid(claim));
        var volumeName = $"pvc-{uid}";
        var size = claim["spec"]?["resources"]?["requests"]?["storage"]?.DeepClone() ?? "1Gi";
        Directory.CreateDirectory(claimFolder(ns, name));
        ObjectWrites.TryCreate(store, kinds.Volumes, null, new JsonObject
        {
            ["metadata"] = new JsonObject { ["name"] = volumeName, ["annotations"] = new JsonObject { [ProvisionedBy] = Provisioner } },
            ["spec"] = new JsonObject
            {
                ["capacity"] = new JsonObject { ["storage"] = size.DeepClone() },
                ["accessModes"] = claim["spec"]?["accessModes"]?.DeepClone() ?? new JsonArray("ReadWriteOnce"),
                ["persistentVolumeReclaimPolicy"] = "Delete",
                ["storageClassName"] = claim["spec"]?["storageClassName"]?.DeepClone(),
                ["claimRef"] = new JsonObject { ["kind"] = "PersistentVolumeClaim", ["namespace"] = ns, ["name"] = name, ["uid"] = uid },
            },
            ["status"] = new JsonObject { ["phase"] = "Bound" },
        });
        ObjectWrites.Change(store, kinds.Claims, ns, name, c =>
        {
            c["spec"]!["volumeName"] = volumeName;
            c["status"] = new JsonObject
            {
                ["phase"] = "Bound",
                ["accessModes"] = c["spec"]?["accessModes"]?.DeepClone(),
                ["capacity"] = new JsonObject { ["storage"] = size.DeepClone() },
            };
        });
    }
}

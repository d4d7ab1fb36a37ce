using System.Text.Json.Nodes;
using Stowage.LocalCluster;

namespace Stowage.EndToEnd.Tests.Infrastructure;

/// <summary>A CSI driver that can take snapshots, as the cluster declares it: a StorageClass csi-fast and a VolumeSnapshotClass for its driver.</summary>
public static class CsiStorage
{
    public const string Driver = "csi.example.com";
    public const string StorageClass = "csi-fast";

    public static async Task DeclareAsync(FakeKubernetesApiServer kubernetes)
    {
        await kubernetes.ApplyAsync(new JsonObject
        {
            ["apiVersion"] = "storage.k8s.io/v1", ["kind"] = "StorageClass", ["metadata"] = new JsonObject { ["name"] = StorageClass }, ["provisioner"] = Driver,
        });
        await kubernetes.ApplyAsync(new JsonObject
        {
            ["apiVersion"] = "snapshot.storage.k8s.io/v1", ["kind"] = "VolumeSnapshotClass", ["metadata"] = new JsonObject { ["name"] = "csi-snapclass" },
            ["driver"] = Driver, ["deletionPolicy"] = "Delete",
        });
    }
}

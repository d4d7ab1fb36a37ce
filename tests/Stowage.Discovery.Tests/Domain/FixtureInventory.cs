using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using Stowage.Discovery.Domain.Inventory;
using Stowage.Discovery.Kubernetes;

namespace Stowage.Discovery.Tests.Domain;

/// <summary>Reads fixture files (as <c>kubectl get -o json</c> writes them) through the same mapping the watchers use.</summary>
internal static class FixtureInventory
{
    public static string PathOf(string file) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Clusters", file);

    public static InventorySnapshot Load(params string[] files) => new(files.SelectMany(Objects).ToList());

    public static IEnumerable<ClusterObject> Objects(string file)
    {
        var list = JsonNode.Parse(File.ReadAllText(PathOf(file)))!["items"]!.AsArray();
        foreach (var item in list)
        {
            var json = item!.ToJsonString();
            yield return (string)item["kind"]! switch
            {
                "StatefulSet" => KubernetesObjectMapper.StatefulSet(KubernetesJson.Deserialize<V1StatefulSet>(json)),
                "Deployment" => KubernetesObjectMapper.Deployment(KubernetesJson.Deserialize<V1Deployment>(json)),
                "DaemonSet" => KubernetesObjectMapper.DaemonSet(KubernetesJson.Deserialize<V1DaemonSet>(json)),
                "Pod" => KubernetesObjectMapper.Pod(KubernetesJson.Deserialize<V1Pod>(json)),
                "PersistentVolumeClaim" => KubernetesObjectMapper.Claim(KubernetesJson.Deserialize<V1PersistentVolumeClaim>(json)),
                "PersistentVolume" => KubernetesObjectMapper.Volume(KubernetesJson.Deserialize<V1PersistentVolume>(json)),
                "StorageClass" => KubernetesObjectMapper.StorageClass(KubernetesJson.Deserialize<V1StorageClass>(json)),
                "Service" => KubernetesObjectMapper.Service(KubernetesJson.Deserialize<V1Service>(json)),
                "ConfigMap" => KubernetesObjectMapper.ConfigMap(KubernetesJson.Deserialize<V1ConfigMap>(json)),
                "Secret" => KubernetesObjectMapper.Secret(KubernetesJson.Deserialize<V1Secret>(json)),
                "VolumeSnapshotClass" => SnapshotClassMapper.Map(System.Text.Json.JsonDocument.Parse(json).RootElement),
                var other => throw new InvalidOperationException($"The fixture has a {other}, which discovery does not watch."),
            };
        }
    }
}

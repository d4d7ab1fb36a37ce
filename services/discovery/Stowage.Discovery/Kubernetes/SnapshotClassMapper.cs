using System.Text.Json;
using k8s;
using k8s.Models;
using Stowage.Discovery.Domain.Inventory;

namespace Stowage.Discovery.Kubernetes;

/// <summary>VolumeSnapshotClass is a custom resource KubernetesClient has no model for; it is read as JSON.</summary>
internal static class SnapshotClassMapper
{
    public static SnapshotClassObject Map(JsonElement json)
    {
        var metadata = KubernetesJson.Deserialize<V1ObjectMeta>(json.GetProperty("metadata").GetRawText());
        var driver = json.TryGetProperty("driver", out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        var problems = driver is null ? new[] { $"VolumeSnapshotClass {metadata.Name} names no driver; no volume can use it." } : [];
        return new SnapshotClassObject(KubernetesObjectMapper.Meta(metadata), problems, driver);
    }
}

using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using Stowage.Common.Kubernetes;

namespace Stowage.Mover.Runtime.Resources;

/// <summary>
/// How to read and create each kind of resource an application is made of, by apiVersion and kind. Group kinds
/// not listed (operators' custom resources) go through the custom-objects API.
/// </summary>
public static class ResourceKinds
{
    private sealed record Kind(
        Func<IKubernetes, string, string, CancellationToken, Task<object>> Read,
        Func<IKubernetes, string, string, CancellationToken, Task> Create);

    private static Kind Of<T>(
        Func<IKubernetes, string, string, CancellationToken, Task<T>> read,
        Func<IKubernetes, T, string, CancellationToken, Task> create) where T : class =>
        new(async (k, name, ns, ct) => await read(k, name, ns, ct),
            (k, json, ns, ct) => create(k, KubernetesJson.Deserialize<T>(json), ns, ct));

    private static readonly Dictionary<(string ApiVersion, string Kind), Kind> Known = new()
    {
        [("v1", "ConfigMap")] = Of<V1ConfigMap>((k, n, ns, ct) => k.CoreV1.ReadNamespacedConfigMapAsync(n, ns, cancellationToken: ct), (k, o, ns, ct) => k.CoreV1.CreateNamespacedConfigMapAsync(o, ns, cancellationToken: ct)),
        [("v1", "Secret")] = Of<V1Secret>((k, n, ns, ct) => k.CoreV1.ReadNamespacedSecretAsync(n, ns, cancellationToken: ct), (k, o, ns, ct) => k.CoreV1.CreateNamespacedSecretAsync(o, ns, cancellationToken: ct)),
        [("v1", "Service")] = Of<V1Service>((k, n, ns, ct) => k.CoreV1.ReadNamespacedServiceAsync(n, ns, cancellationToken: ct), (k, o, ns, ct) => k.CoreV1.CreateNamespacedServiceAsync(o, ns, cancellationToken: ct)),
        [("v1", "PersistentVolumeClaim")] = Of<V1PersistentVolumeClaim>((k, n, ns, ct) => k.CoreV1.ReadNamespacedPersistentVolumeClaimAsync(n, ns, cancellationToken: ct), (k, o, ns, ct) => k.CoreV1.CreateNamespacedPersistentVolumeClaimAsync(o, ns, cancellationToken: ct)),
        [("v1", "ServiceAccount")] = Of<V1ServiceAccount>((k, n, ns, ct) => k.CoreV1.ReadNamespacedServiceAccountAsync(n, ns, cancellationToken: ct), (k, o, ns, ct) => k.CoreV1.CreateNamespacedServiceAccountAsync(o, ns, cancellationToken: ct)),
        [("apps/v1", "StatefulSet")] = Of<V1StatefulSet>((k, n, ns, ct) => k.AppsV1.ReadNamespacedStatefulSetAsync(n, ns, cancellationToken: ct), (k, o, ns, ct) => k.AppsV1.CreateNamespacedStatefulSetAsync(o, ns, cancellationToken: ct)),
        [("apps/v1", "Deployment")] = Of<V1Deployment>((k, n, ns, ct) => k.AppsV1.ReadNamespacedDeploymentAsync(n, ns, cancellationToken: ct), (k, o, ns, ct) => k.AppsV1.CreateNamespacedDeploymentAsync(o, ns, cancellationToken: ct)),
        [("apps/v1", "DaemonSet")] = Of<V1DaemonSet>((k, n, ns, ct) => k.AppsV1.ReadNamespacedDaemonSetAsync(n, ns, cancellationToken: ct), (k, o, ns, ct) => k.AppsV1.CreateNamespacedDaemonSetAsync(o, ns, cancellationToken: ct)),
    };

    /// <summary>Pods are made again by their workloads, so a backup does not keep them.</summary>
    public static bool IsKept(string kind) => kind is not ("Pod" or "PersistentVolume" or "StorageClass" or "VolumeSnapshotClass" or "Event");

    public static async Task<JsonObject> ReadAsync(IKubernetes kubernetes, string apiVersion, string kind, string name, string ns, CancellationToken ct)
    {
        if (Known.TryGetValue((apiVersion, kind), out var known))
        {
            var typed = await known.Read(kubernetes, name, ns, ct);
            var node = JsonNode.Parse(KubernetesJson.Serialize(typed))!.AsObject();
            node["apiVersion"] = apiVersion;
            node["kind"] = kind;
            return node;
        }
        var (group, version) = Split(apiVersion);
        var custom = await kubernetes.CustomObjects.GetNamespacedCustomObjectAsync(group, version, ns, Plural(kind), name, ct);
        return JsonNode.Parse(KubernetesJson.Serialize(custom))!.AsObject();
    }

    /// <summary>The object in <paramref name="ns"/> with the kind and name of <paramref name="resource"/>.</summary>
    public static Task<JsonObject> ReadAsync(IKubernetes kubernetes, JsonObject resource, string ns, CancellationToken ct) =>
        ReadAsync(kubernetes, (string)resource["apiVersion"]!, (string)resource["kind"]!, (string)resource["metadata"]!["name"]!, ns, ct);

    public static Task CreateAsync(IKubernetes kubernetes, JsonObject resource, string ns, CancellationToken ct)
    {
        var apiVersion = (string)resource["apiVersion"]!;
        var kind = (string)resource["kind"]!;
        if (Known.TryGetValue((apiVersion, kind), out var known)) return known.Create(kubernetes, resource.ToJsonString(), ns, ct);
        var (group, version) = Split(apiVersion);
        return kubernetes.CustomObjects.CreateNamespacedCustomObjectAsync(resource, group, version, ns, Plural(kind), cancellationToken: ct);
    }

    /// <summary>The API group and resource (plural) a kind is created as, as RBAC names it.</summary>
    public static (string Group, string Resource) ResourceOf(string apiVersion, string kind) =>
        (ApiVersions.GroupOf(apiVersion), Plural(kind));

    private static (string Group, string Version) Split(string apiVersion) =>
        apiVersion.Contains('/') ? (apiVersion[..apiVersion.IndexOf('/')], apiVersion[(apiVersion.IndexOf('/') + 1)..])
        : throw new NotSupportedException($"Core kind with apiVersion '{apiVersion}' is not supported for backup.");

    // Custom resources name their plural in their CRD; lower-case kind + "s" is the convention nearly all follow.
    private static string Plural(string kind) => kind.ToLowerInvariant() + (kind.EndsWith('s') ? "es" : "s");
}

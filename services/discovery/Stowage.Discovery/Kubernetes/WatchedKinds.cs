using k8s;
using k8s.Models;
using Stowage.Discovery.Domain.Inventory;

namespace Stowage.Discovery.Kubernetes;

/// <summary>Every kind discovery watches, and the KubernetesClient calls that list and watch it.</summary>
internal static class WatchedKinds
{
    public static IReadOnlyList<IKindSource> All { get; } =
    [
        Namespaced<V1StatefulSet, V1StatefulSetList>(ObjectKind.StatefulSet, KubernetesObjectMapper.StatefulSet,
            (c, ct) => c.AppsV1.ListStatefulSetForAllNamespacesAsync(cancellationToken: ct),
            (c, ns, ct) => c.AppsV1.ListNamespacedStatefulSetAsync(ns, cancellationToken: ct),
            (c, rv, e, ct) => c.AppsV1.WatchListStatefulSetForAllNamespacesAsync(allowWatchBookmarks: true, resourceVersion: rv, onError: e, cancellationToken: ct),
            (c, ns, rv, e, ct) => c.AppsV1.WatchListNamespacedStatefulSetAsync(ns, allowWatchBookmarks: true, resourceVersion: rv, onError: e, cancellationToken: ct)),
        Namespaced<V1Deployment, V1DeploymentList>(ObjectKind.Deployment, KubernetesObjectMapper.Deployment,
            (c, ct) => c.AppsV1.ListDeploymentForAllNamespacesAsync(cancellationToken: ct),
            (c, ns, ct) => c.AppsV1.ListNamespacedDeploymentAsync(ns, cancellationToken: ct),
            (c, rv, e, ct) => c.AppsV1.WatchListDeploymentForAllNamespacesAsync(allowWatchBookmarks: true, resourceVersion: rv, onError: e, cancellationToken: ct),
            (c, ns, rv, e, ct) => c.AppsV1.WatchListNamespacedDeploymentAsync(ns, allowWatchBookmarks: true, resourceVersion: rv, onError: e, cancellationToken: ct)),
        Namespaced<V1DaemonSet, V1DaemonSetList>(ObjectKind.DaemonSet, KubernetesObjectMapper.DaemonSet,
            (c, ct) => c.AppsV1.ListDaemonSetForAllNamespacesAsync(cancellationToken: ct),
            (c, ns, ct) => c.AppsV1.ListNamespacedDaemonSetAsync(ns, cancellationToken: ct),
            (c, rv, e, ct) => c.AppsV1.WatchListDaemonSetForAllNamespacesAsync(allowWatchBookmarks: true, resourceVersion: rv, onError: e, cancellationToken: ct),
            (c, ns, rv, e, ct) => c.AppsV1.WatchListNamespacedDaemonSetAsync(ns, allowWatchBookmarks: true, resourceVersion: rv, onError: e, cancellationToken: ct)),
        Namespaced<V1Pod, V1PodList>(ObjectKind.Pod, KubernetesObjectMapper.Pod,
            (c, ct) => c.CoreV1.ListPodForAllNamespacesAsync(cancellationToken: ct),
            (c, ns, ct) => c.CoreV1.ListNamespacedPodAsync(ns, cancellationToken: ct),
            (c, rv, e, ct) => c.CoreV1.WatchListPodForAllNamespacesAsync(allowWatchBookmarks: true, resourceVersion: rv, onError: e, cancellationToken: ct),
            (c, ns, rv, e, ct) => c.CoreV1.WatchListNamespacedPodAsync(ns, allowWatchBookmarks: true, resourceVersion: rv, onError: e, cancellationToken: ct)),
        Namespaced<V1PersistentVolumeClaim, V1PersistentVolumeClaimList>(ObjectKind.PersistentVolumeClaim, KubernetesObjectMapper.Claim,
            (c, ct) => c.CoreV1.ListPersistentVolumeClaimForAllNamespacesAsync(cancellationToken: ct),
            (c, ns, ct) => c.CoreV1.ListNamespacedPersistentVolumeClaimAsync(ns, cancellationToken: ct),
            (c, rv, e, ct) => c.CoreV1.WatchListPersistentVolumeClaimForAllNamespacesAsync(allowWatchBookmarks: true, resourceVersion: rv, onError: e, cancellationToken: ct),
            (c, ns, rv, e, ct) => c.CoreV1.WatchListNamespacedPersistentVolumeClaimAsync(ns, allowWatchBookmarks: true, resourceVersion: rv, onError: e, cancellationToken: ct)),
        Namespaced<V1Service, V1ServiceList>(ObjectKind.Service, KubernetesObjectMapper.Service,
            (c, ct) => c.CoreV1.ListServiceForAllNamespacesAsync(cancellationToken: ct),
            (c, ns, ct) => c.CoreV1.ListNamespacedServiceAsync(ns, cancellationToken: ct),
            (c, rv, e, ct) => c.CoreV1.WatchListServiceForAllNamespacesAsync(allowWatchBookmarks: true, resourceVersion: rv, onError: e, cancellationToken: ct),
            (c, ns, rv, e, ct) => c.CoreV1.WatchListNamespacedServiceAsync(ns, allowWatchBookmarks: true, resourceVersion: rv, onError: e, cancellationToken: ct)),
        Namespaced<V1ConfigMap, V1ConfigMapList>(ObjectKind.ConfigMap, KubernetesObjectMapper.ConfigMap,
            (c, ct) => c.CoreV1.ListConfigMapForAllNamespacesAsync(cancellationToken: ct),
            (c, ns, ct) => c.CoreV1.ListNamespacedConfigMapAsync(ns, cancellationToken: ct),
            (c, rv, e, ct) => c.CoreV1.WatchListConfigMapForAllNamespacesAsync(allowWatchBookmarks: true, resourceVersion: rv, onError: e, cancellationToken: ct),
            (c, ns, rv, e, ct) => c.CoreV1.WatchListNamespacedConfigMapAsync(ns, allowWatchBookmarks: true, resourceVersion: rv, onError: e, cancellationToken: ct)),
        Namespaced<V1Secret, V1SecretList>(ObjectKind.Secret, KubernetesObjectMapper.Secret,
            async (c, ct) => (await c.CoreV1.ListSecretForAllNamespacesWithHttpMessagesAsync(customHeaders: MetadataOnlyList, cancellationToken: ct)).Body,
            async (c, ns, ct) => (await c.CoreV1.ListNamespacedSecretWithHttpMessagesAsync(ns, customHeaders: MetadataOnlyList, cancellationToken: ct)).Body,
            (c, rv, e, ct) => MetadataOnlyWatch(c.CoreV1.ListSecretForAllNamespacesWithHttpMessagesAsync(
                allowWatchBookmarks: true, resourceVersion: rv, watch: true, customHeaders: MetadataOnlyItem, cancellationToken: ct), e, ct),
            (c, ns, rv, e, ct) => MetadataOnlyWatch(c.CoreV1.ListNamespacedSecretWithHttpMessagesAsync(
                ns, allowWatchBookmarks: true, resourceVersion: rv, watch: true, customHeaders: MetadataOnlyItem, cancellationToken: ct), e, ct)),
        new TypedKindSource<V1PersistentVolume, V1PersistentVolumeList>(ObjectKind.PersistentVolume, false,
            (c, _, ct) => c.CoreV1.ListPersistentVolumeAsync(cancellationToken: ct),
            (c, _, rv, e, ct) => c.CoreV1.WatchListPersistentVolumeAsync(allowWatchBookmarks: true, resourceVersion: rv, onError: e, cancellationToken: ct),
            KubernetesObjectMapper.Volume),
        new TypedKindSource<V1StorageClass, V1StorageClassList>(ObjectKind.StorageClass, false,
            (c, _, ct) => c.StorageV1.ListStorageClassAsync(cancellationToken: ct),
            (c, _, rv, e, ct) => c.StorageV1.WatchListStorageClassAsync(allowWatchBookmarks: true, resourceVersion: rv, onError: e, cancellationToken: ct),
            KubernetesObjectMapper.StorageClass),
        new CustomKindSource(ObjectKind.VolumeSnapshotClass, "snapshot.storage.k8s.io", "v1", "volumesnapshotclasses", SnapshotClassMapper.Map),
    ];

    /// <summary>Secrets are read as metadata only, so their data never leaves the API server.</summary>
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> MetadataOnlyList =
        new Dictionary<string, IReadOnlyList<string>> { ["Accept"] = ["application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1"] };

    private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> MetadataOnlyItem =
        new Dictionary<string, IReadOnlyList<string>> { ["Accept"] = ["application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1"] };

    // The generated WatchList methods take no request headers; watching a list response is the only way to send them.
#pragma warning disable CS0618
    private static IAsyncEnumerable<(WatchEventType, V1Secret)> MetadataOnlyWatch(
        Task<k8s.Autorest.HttpOperationResponse<V1SecretList>> response, Action<Exception> onError, CancellationToken cancellationToken) =>
        response.WatchAsync<V1Secret, V1SecretList>(onError, cancellationToken);
#pragma warning restore CS0618

    private static TypedKindSource<TItem, TList> Namespaced<TItem, TList>(
        ObjectKind kind,
        Func<TItem, ClusterObject> map,
        Func<IKubernetes, CancellationToken, Task<TList>> listAll,
        Func<IKubernetes, string, CancellationToken, Task<TList>> listIn,
        Func<IKubernetes, string, Action<Exception>, CancellationToken, IAsyncEnumerable<(WatchEventType, TItem)>> watchAll,
        Func<IKubernetes, string, string, Action<Exception>, CancellationToken, IAsyncEnumerable<(WatchEventType, TItem)>> watchIn)
        where TItem : IKubernetesObject<V1ObjectMeta>
        where TList : IItems<TItem>, IMetadata<V1ListMeta> =>
        new(kind, true,
            (client, ns, ct) => ns is null ? listAll(client, ct) : listIn(client, ns, ct),
            (client, ns, rv, onError, ct) => ns is null ? watchAll(client, rv, onError, ct) : watchIn(client, ns, rv, onError, ct),
            map);
}

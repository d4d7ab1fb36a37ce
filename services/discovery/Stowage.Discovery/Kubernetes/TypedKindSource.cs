using System.Runtime.CompilerServices;
using k8s;
using k8s.Models;
using Stowage.Discovery.Domain.Inventory;

namespace Stowage.Discovery.Kubernetes;

/// <summary>A kind KubernetesClient has a model for; each object is mapped on its own so one bad object spoils nothing else.</summary>
internal sealed class TypedKindSource<TItem, TList>(
    ObjectKind kind,
    bool namespaced,
    Func<IKubernetes, string?, CancellationToken, Task<TList>> list,
    Func<IKubernetes, string?, string, Action<Exception>, CancellationToken, IAsyncEnumerable<(WatchEventType, TItem)>> watch,
    Func<TItem, ClusterObject> map) : IKindSource
    where TItem : IKubernetesObject<V1ObjectMeta>
    where TList : IItems<TItem>, IMetadata<V1ListMeta>
{
    public ObjectKind Kind => kind;

    public bool Namespaced => namespaced;

    public async Task<KindList> ListAsync(IKubernetes client, string? ns, CancellationToken cancellationToken)
    {
        var result = await list(client, ns, cancellationToken);
        var items = new List<ClusterObject>();
        var unreadable = new List<string>();
        foreach (var item in result.Items ?? [])
        {
            var (mapped, problem) = TryMap(item);
            items.AddRange(mapped is null ? [] : [mapped]);
            unreadable.AddRange(problem is null ? [] : [problem]);
        }
        return new KindList(items, unreadable, result.Metadata?.ResourceVersion ?? "");
    }

    public async IAsyncEnumerable<KindWatchEvent> WatchAsync(
        IKubernetes client, string? ns, string resourceVersion, Action<Exception> onError, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var (type, item) in watch(client, ns, resourceVersion, onError, cancellationToken))
        {
            var version = item?.Metadata?.ResourceVersion;
            if (type == WatchEventType.Bookmark || item?.Metadata?.Name is null)
            {
                yield return new KindWatchEvent(WatchEventType.Bookmark, null, null, version, null);
                continue;
            }
            var key = new ObjectKey(kind, namespaced ? item.Metadata.NamespaceProperty ?? "" : "", item.Metadata.Name);
            var (mapped, problem) = type == WatchEventType.Deleted ? (null, null) : TryMap(item);
            yield return new KindWatchEvent(type, key, mapped, version, problem);
        }
    }

    private (ClusterObject? Mapped, string? Problem) TryMap(TItem item)
    {
        try
        {
            return (map(item), null);
        }
        catch (Exception error) when (error is InvalidDataException or NullReferenceException or FormatException or InvalidOperationException or ArgumentException)
        {
            return (null, $"{kind} {item.Metadata?.NamespaceProperty}/{item.Metadata?.Name} could not be read: {error.Message}");
        }
    }
}

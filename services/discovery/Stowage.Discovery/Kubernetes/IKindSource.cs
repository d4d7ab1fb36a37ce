using k8s;
using Stowage.Discovery.Domain.Inventory;

namespace Stowage.Discovery.Kubernetes;

/// <summary>Lists and watches one kind through KubernetesClient, in one namespace or all (<c>ns</c> null).</summary>
internal interface IKindSource
{
    ObjectKind Kind { get; }

    bool Namespaced { get; }

    Task<KindList> ListAsync(IKubernetes client, string? ns, CancellationToken cancellationToken);

    /// <summary>Watch events from <paramref name="resourceVersion"/>; a 410 Gone arrives through <paramref name="onError"/> as KubernetesClient reports it.</summary>
    IAsyncEnumerable<KindWatchEvent> WatchAsync(IKubernetes client, string? ns, string resourceVersion, Action<Exception> onError, CancellationToken cancellationToken);
}

/// <param name="Items">The objects that could be read.</param>
/// <param name="Unreadable">One message per object that could not be read; the rest are still used.</param>
/// <param name="ResourceVersion">The list's resourceVersion, where the watch starts.</param>
internal sealed record KindList(IReadOnlyList<ClusterObject> Items, IReadOnlyList<string> Unreadable, string ResourceVersion);

/// <param name="Type">ADDED, MODIFIED, DELETED or BOOKMARK.</param>
/// <param name="Key">The object's key (null for bookmarks).</param>
/// <param name="Object">The object, for additions and modifications that could be read.</param>
/// <param name="ResourceVersion">The event's resourceVersion, to resume from.</param>
/// <param name="Unreadable">Why the object could not be read, if it could not.</param>
internal sealed record KindWatchEvent(WatchEventType Type, ObjectKey? Key, ClusterObject? Object, string? ResourceVersion, string? Unreadable);

using System.Runtime.CompilerServices;
using System.Text.Json;
using k8s;
using Stowage.Discovery.Domain.Inventory;

namespace Stowage.Discovery.Kubernetes;

/// <summary>A cluster-scoped custom resource read as JSON through KubernetesClient's CustomObjects API.</summary>
internal sealed class CustomKindSource(ObjectKind kind, string group, string version, string plural, Func<JsonElement, ClusterObject> map) : IKindSource
{
    public ObjectKind Kind => kind;

    public bool Namespaced => false;

    public async Task<KindList> ListAsync(IKubernetes client, string? ns, CancellationToken cancellationToken)
    {
        var result = (JsonElement)await client.CustomObjects.ListClusterCustomObjectAsync(group, version, plural, cancellationToken: cancellationToken);
        var items = new List<ClusterObject>();
        var unreadable = new List<string>();
        var listed = result.TryGetProperty("items", out var array) && array.ValueKind == JsonValueKind.Array ? array.EnumerateArray().ToList() : [];
        foreach (var item in listed)
        {
            var (mapped, problem) = TryMap(item);
            items.AddRange(mapped is null ? [] : [mapped]);
            unreadable.AddRange(problem is null ? [] : [problem]);
        }
        return new KindList(items, unreadable, StringAt(result, "metadata", "resourceVersion") ?? "");
    }

    public async IAsyncEnumerable<KindWatchEvent> WatchAsync(
        IKubernetes client, string? ns, string resourceVersion, Action<Exception> onError, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var events = client.CustomObjects.WatchListClusterCustomObjectAsync(
            group, version, plural, allowWatchBookmarks: true, resourceVersion: resourceVersion, onError: onError, cancellationToken: cancellationToken);
        await foreach (var (type, item) in events)
        {
            var json = item is JsonElement element ? element : JsonSerializer.SerializeToElement(item);
            var name = StringAt(json, "metadata", "name");
            var eventVersion = StringAt(json, "metadata", "resourceVersion");
            if (type == WatchEventType.Bookmark || name is null)
            {
                yield return new KindWatchEvent(WatchEventType.Bookmark, null, null, eventVersion, null);
                continue;
            }
            var (mapped, problem) = type == WatchEventType.Deleted ? (null, null) : TryMap(json);
            yield return new KindWatchEvent(type, new ObjectKey(kind, "", name), mapped, eventVersion, problem);
        }
    }

    private (ClusterObject? Mapped, string? Problem) TryMap(JsonElement item)
    {
        try
        {
            return (map(item), null);
        }
        catch (Exception error) when (error is InvalidDataException or KeyNotFoundException or InvalidOperationException or JsonException)
        {
            return (null, $"{kind} {StringAt(item, "metadata", "name")} could not be read: {error.Message}");
        }
    }

    private static string? StringAt(JsonElement json, string parent, string property) =>
        json.ValueKind == JsonValueKind.Object && json.TryGetProperty(parent, out var child) && child.ValueKind == JsonValueKind.Object
        && child.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

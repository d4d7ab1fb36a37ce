using k8s;
using k8s.Models;

namespace Stowage.Discovery.Tests.FakeKubernetes;

internal static class PodWatch
{
    public static async Task<List<(WatchEventType Type, V1Pod Pod)>> ReadEventsAsync(
        IKubernetes client, string ns, string? resourceVersion, int count, CancellationToken cancellationToken,
        Action<Exception>? onError = null)
    {
        var seen = new List<(WatchEventType, V1Pod)>();
        var events = client.CoreV1.WatchListNamespacedPodAsync(ns, resourceVersion: resourceVersion, onError: onError, cancellationToken: cancellationToken);
        await foreach (var (type, pod) in events)
        {
            seen.Add((type, pod));
            if (seen.Count == count)
            {
                break;
            }
        }
        return seen;
    }
}

namespace Stowage.LocalCluster;

/// <summary>Test hooks that make the server misbehave the way real API servers and networks do.</summary>
public sealed partial class FakeKubernetesApiServer
{
    /// <summary>Cuts every open watch connection, as a network failure or an API server restart would.</summary>
    public void DropWatches()
    {
        var dropped = Interlocked.Exchange(ref dropWatches, new CancellationTokenSource());
        dropped.Cancel();
        dropped.Dispose();
    }

    /// <summary>Forgets the change history: a watch from any resourceVersion before now gets a 410 Gone <c>ERROR</c> event.</summary>
    public void CompactHistory() => store.Compact();

    /// <summary>Answers 403 Forbidden to every request in <paramref name="ns"/>, as RBAC does for a namespace without a RoleBinding.</summary>
    public void DenyNamespace(string ns)
    {
        lock (deniedNamespaces)
        {
            deniedNamespaces.Add(ns);
        }
    }

    /// <summary>Undoes <see cref="DenyNamespace"/>.</summary>
    public void AllowNamespace(string ns)
    {
        lock (deniedNamespaces)
        {
            deniedNamespaces.Remove(ns);
        }
    }

    private bool IsDenied(string ns)
    {
        lock (deniedNamespaces)
        {
            return deniedNamespaces.Contains(ns);
        }
    }
}

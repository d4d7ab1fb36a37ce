using Stowage.LocalCluster.Controllers;
using Stowage.LocalCluster.Storage;

namespace Stowage.LocalCluster;

/// <summary>The cluster behind the API: nodes that can be lost, the folder that holds every claim's files, the record of changes.</summary>
public sealed partial class FakeKubernetesApiServer
{
    private readonly List<RecordedChange> changes = [];
    private ClusterRuntime? cluster;

    /// <summary>The folder that holds each claim's files, as {VolumeRoot}/{namespace}/{claim}.</summary>
    public string VolumeRoot => Cluster.VolumeRoot;

    /// <summary>Every change since the server started, oldest first.</summary>
    public IReadOnlyList<RecordedChange> Changes
    {
        get
        {
            lock (changes)
            {
                return [.. changes];
            }
        }
    }

    /// <summary>
    /// Raised for every change as it is stored, before the request that made it is answered, so a test sees the
    /// world exactly as it was at that change (what a claim's folder held when a workload appeared).
    /// </summary>
    public event Action<RecordedChange>? Changed;

    /// <summary>
    /// The node stops answering, as when it loses power: its processes die, it turns NotReady with the unreachable
    /// taints, and its pods are Failed with reason NodeLost (what the node lifecycle controller reports once it gives up on them).
    /// </summary>
    public void LoseNode(string name) => Cluster.Kubelet.LoseNode(name);

    private ClusterRuntime Cluster => cluster ?? throw new InvalidOperationException("Start the server with RunWorkloads to have nodes, a kubelet and volumes.");

    private void StartCluster(FakeKubernetesApiServerOptions options)
    {
        store.Changed += Record;
        if (options.RunWorkloads)
        {
            cluster = new ClusterRuntime(store, registry, options, TimeProvider.System);
        }
    }

    private void Record(StoreEvent change)
    {
        var recorded = new RecordedChange(change.ResourceVersion, change.Type, change.ResourceType.Kind, change.Namespace,
            ObjectMetadata.Name(change.Object) ?? "", (string?)change.Object["status"]?["phase"]);
        lock (changes)
        {
            changes.Add(recorded);
        }
        Changed?.Invoke(recorded);
    }
}

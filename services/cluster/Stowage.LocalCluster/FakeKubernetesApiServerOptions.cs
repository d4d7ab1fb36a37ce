using Stowage.LocalCluster.Kubelet;

namespace Stowage.LocalCluster;

/// <summary>How the fake API server starts.</summary>
public sealed class FakeKubernetesApiServerOptions
{
    /// <summary>Serve snapshot.storage.k8s.io/v1 from the start, as in a cluster with the external-snapshotter CRDs installed.</summary>
    public bool WithVolumeSnapshotApi { get; init; } = true;

    /// <summary>
    /// Authenticate and authorize every request as an apiserver does: without a valid bearer token 401, without an RBAC
    /// grant 403. Off by default: then every request without a valid token is the admin's and nothing is checked.
    /// </summary>
    public bool Authorization { get; init; }

    /// <summary>Namespaces that exist from the start.</summary>
    public IReadOnlyList<string> Namespaces { get; init; } = ["default", "kube-system"];

    /// <summary>
    /// Run the cluster behind the API: scheduler, kubelet, Job, StatefulSet, volume and garbage-collection controllers.
    /// Off by default until the product's volume jobs use them; without it the server only stores objects.
    /// </summary>
    public bool RunWorkloads { get; init; }

    /// <summary>The nodes, Ready from the start.</summary>
    public IReadOnlyList<string> Nodes { get; init; } = ["node-1", "node-2"];

    /// <summary>Folder that holds each claim's files ({VolumeRoot}/{namespace}/{claim}); a new temporary folder when null.</summary>
    public string? VolumeRoot { get; init; }

    /// <summary>Images whose containers run as local processes, by image name without tag; other images only pretend to run.</summary>
    public IReadOnlyDictionary<string, LocalImage> Images { get; init; } = new Dictionary<string, LocalImage>();

    /// <summary>The Job controller's wait before replacing a failed pod, doubled after each failure (10 s in a real cluster).</summary>
    public TimeSpan JobBackoff { get; init; } = TimeSpan.FromSeconds(1);
}

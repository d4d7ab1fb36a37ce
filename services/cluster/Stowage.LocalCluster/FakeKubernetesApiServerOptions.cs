namespace Stowage.LocalCluster;

/// <summary>How the fake API server starts.</summary>
public sealed class FakeKubernetesApiServerOptions
{
    /// <summary>Serve snapshot.storage.k8s.io/v1 from the start, as in a cluster with the external-snapshotter CRDs installed.</summary>
    public bool WithVolumeSnapshotApi { get; init; } = true;

    /// <summary>Namespaces that exist from the start.</summary>
    public IReadOnlyList<string> Namespaces { get; init; } = ["default", "kube-system"];
}

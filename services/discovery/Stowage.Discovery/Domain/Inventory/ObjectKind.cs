namespace Stowage.Discovery.Domain.Inventory;

/// <summary>The kinds discovery watches.</summary>
internal enum ObjectKind
{
    StatefulSet,
    Deployment,
    DaemonSet,
    Pod,
    PersistentVolumeClaim,
    PersistentVolume,
    StorageClass,
    VolumeSnapshotClass,
    Service,
    ConfigMap,
    Secret,
}

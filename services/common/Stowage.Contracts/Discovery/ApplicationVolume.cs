namespace Stowage.Contracts.Discovery;

/// <summary>A persistent volume claim of an application, and how its data would be copied.</summary>
/// <param name="ClaimName">The PersistentVolumeClaim's name.</param>
/// <param name="TemplateName">The StatefulSet volumeClaimTemplate it came from, else the claim's name.</param>
/// <param name="PodName">The pod that mounts it, if any.</param>
/// <param name="VolumeName">The bound PersistentVolume, if bound.</param>
/// <param name="Size">Requested or bound capacity as Kubernetes writes it, e.g. <c>10Gi</c>.</param>
/// <param name="StorageClass">Storage class name, if any.</param>
/// <param name="CsiDriver">The CSI driver (or provisioner) that serves it, if known.</param>
/// <param name="SnapshotClass">A VolumeSnapshotClass for that driver, if one exists.</param>
/// <param name="Protect">Whether the catalog says to copy it and it belongs to a member pod.</param>
/// <param name="CopyMethod"><c>Snapshot</c> when a snapshot class exists, else <c>FileCopy</c>.</param>
public sealed record ApplicationVolume(
    string ClaimName,
    string TemplateName,
    string? PodName,
    string? VolumeName,
    string? Size,
    string? StorageClass,
    string? CsiDriver,
    string? SnapshotClass,
    bool Protect,
    string CopyMethod);

namespace Stowage.Discovery.Domain.Inventory;

internal sealed record ClaimObject(ObjectMeta Meta, IReadOnlyList<string> Problems, string? Size, string? StorageClass, string? VolumeName, string? Phase)
    : ClusterObject(Meta, Problems)
{
    public override ObjectKind Kind => ObjectKind.PersistentVolumeClaim;

    public override string ApiVersion => "v1";
}

internal sealed record PersistentVolumeObject(ObjectMeta Meta, IReadOnlyList<string> Problems, string? CsiDriver, string? StorageClass, string? Capacity)
    : ClusterObject(Meta, Problems)
{
    public override ObjectKind Kind => ObjectKind.PersistentVolume;

    public override string ApiVersion => "v1";
}

internal sealed record StorageClassObject(ObjectMeta Meta, IReadOnlyList<string> Problems, string Provisioner)
    : ClusterObject(Meta, Problems)
{
    public override ObjectKind Kind => ObjectKind.StorageClass;

    public override string ApiVersion => "storage.k8s.io/v1";
}

internal sealed record SnapshotClassObject(ObjectMeta Meta, IReadOnlyList<string> Problems, string? Driver)
    : ClusterObject(Meta, Problems)
{
    public const string DefaultAnnotation = "snapshot.storage.kubernetes.io/is-default-class";

    public override ObjectKind Kind => ObjectKind.VolumeSnapshotClass;

    public override string ApiVersion => "snapshot.storage.k8s.io/v1";

    public bool IsDefault => Meta.Annotations.TryGetValue(DefaultAnnotation, out var value) && value == "true";
}

using System.Text.Json.Nodes;
using Stowage.Mover.Runtime.Runs;

namespace Stowage.Restore.Mapping;

/// <summary>
/// A run's resources as a restore creates them, in its target namespace with its storage classes and labelled with
/// its id: the claims (made before any data) and the rest (workloads last). Planning and creating both derive them
/// from the manifest, so the same restore always gets the same objects.
/// </summary>
public sealed record PlannedResources(IReadOnlyList<JsonObject> Claims, IReadOnlyList<JsonObject> AfterData, IReadOnlyList<VolumeSnapshotRef> Volumes)
{
    public IEnumerable<JsonObject> All => Claims.Concat(AfterData);

    public static PlannedResources Of(RunManifest manifest, string targetNamespace, IReadOnlyDictionary<string, string>? storageClasses, string restoreId)
    {
        var classes = storageClasses ?? new Dictionary<string, string>();
        var volumes = manifest.Volumes.Select(v => v with { StorageClass = ResourceMapper.StorageClassOf(v.StorageClass, classes) }).ToList();
        var resources = manifest.Resources.Select(r => ResourceMapper.Map(r, targetNamespace, classes)).ToList();
        var claims = RestoreOrder.Claims(resources, volumes).ToList();
        var afterData = RestoreOrder.AfterData(resources).ToList();
        foreach (var resource in claims.Concat(afterData)) RestoreLabel.Stamp(resource, restoreId);
        return new PlannedResources(claims, afterData, volumes);
    }
}

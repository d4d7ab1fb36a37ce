using System.Collections.Concurrent;

namespace Stowage.LocalCluster.SnapshotMetadata;

/// <summary>A VolumeSnapshot as the stand-in driver sees it: its namespace and name, the CSI handle its content carries,
/// and the file that holds its image.</summary>
public sealed record SnapshotImage(string Namespace, string Name, string Handle, string ImagePath);

/// <summary>The snapshots the stand-in driver has: found by VolumeSnapshot name (targets) or by CSI handle (bases).</summary>
internal sealed class SnapshotImages
{
    private readonly ConcurrentDictionary<(string Namespace, string Name), SnapshotImage> _byName = new();
    private readonly ConcurrentDictionary<string, SnapshotImage> _byHandle = new();

    public void Add(SnapshotImage image)
    {
        _byName[(image.Namespace, image.Name)] = image;
        _byHandle[image.Handle] = image;
    }

    /// <summary>Forgets a snapshot, as a driver does once its VolumeSnapshotContent is deleted.</summary>
    public void Remove(string handle)
    {
        if (_byHandle.TryRemove(handle, out var image)) _byName.TryRemove((image.Namespace, image.Name), out _);
    }

    public SnapshotImage? ByName(string ns, string name) => _byName.GetValueOrDefault((ns, name));

    public SnapshotImage? ByHandle(string handle) => _byHandle.GetValueOrDefault(handle);
}

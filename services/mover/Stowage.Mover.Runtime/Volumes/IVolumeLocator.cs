namespace Stowage.Mover.Runtime.Volumes;

/// <summary>
/// Finds the folder that holds a volume's files. This is the one piece that differs between a node (the kubelet's
/// pod volume folders, as Velero's node agent reads them) and a single machine (a configured folder per volume).
/// </summary>
public interface IVolumeLocator
{
    /// <summary>The folder of claim <paramref name="claimName"/> in <paramref name="namespace"/>; created when <paramref name="create"/>.</summary>
    /// <exception cref="VolumeNotFoundException">The volume's files cannot be reached from here.</exception>
    Task<string> LocateAsync(string @namespace, string claimName, bool create, CancellationToken cancellationToken);
}

public sealed class VolumeNotFoundException(string message) : Exception(message);

namespace Stowage.Mover.Runtime.Volumes;

/// <summary>
/// Finds the folder that holds a volume's files when this process reads volumes itself (the "local" data path).
/// </summary>
public interface IVolumeLocator
{
    /// <summary>The folder of claim <paramref name="claimName"/> in <paramref name="namespace"/>; created when <paramref name="create"/>.</summary>
    /// <exception cref="VolumeNotFoundException">The volume's files cannot be reached from here.</exception>
    Task<string> LocateAsync(string @namespace, string claimName, bool create, CancellationToken cancellationToken);
}

public sealed class VolumeNotFoundException(string message) : Exception(message);

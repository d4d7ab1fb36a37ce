using Microsoft.Extensions.Options;

namespace Stowage.Mover.Runtime.Volumes;

/// <summary>Volumes as folders {VolumeRoot}/{namespace}/{claim}: a single machine, or a node with hostPath volumes.</summary>
public sealed class DirectoryVolumeLocator(IOptions<MoverOptions> options) : IVolumeLocator
{
    public Task<string> LocateAsync(string @namespace, string claimName, bool create, CancellationToken cancellationToken)
    {
        var path = Path.Combine(options.Value.VolumeRoot, @namespace, claimName);
        if (create) Directory.CreateDirectory(path);
        else if (!Directory.Exists(path))
        {
            throw new VolumeNotFoundException($"Volume {@namespace}/{claimName} has no folder at {path}; check Mover:VolumeRoot.");
        }
        return Task.FromResult(path);
    }
}

using Microsoft.Extensions.Options;
using Stowage.Common.Validation;

namespace Stowage.Mover.Runtime.Volumes;

/// <summary>
/// On one machine: {VolumeRoot}/{namespace}/{claim}. The names may come from a backup's manifest, which is
/// untrusted, so they must be Kubernetes names (no "/", no "..") and the folder must lie below the root.
/// </summary>
public sealed class DirectoryVolumeLocator(IOptions<MoverOptions> options) : IVolumeLocator
{
    public Task<string> LocateAsync(string @namespace, string claimName, bool create, CancellationToken cancellationToken)
    {
        if (!KubernetesNames.IsDnsLabel(@namespace)) throw new ArgumentException($"Namespace '{@namespace}' is not a Kubernetes namespace name (a DNS label).", nameof(@namespace));
        if (!KubernetesNames.IsDnsSubdomain(claimName)) throw new ArgumentException($"Claim '{claimName}' is not a Kubernetes object name (a DNS subdomain).", nameof(claimName));
        var root = Path.GetFullPath(options.Value.VolumeRoot);
        var path = Path.GetFullPath(Path.Join(root, @namespace, claimName));
        if (!path.StartsWith(Path.TrimEndingDirectorySeparator(root) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new ArgumentException($"Volume {@namespace}/{claimName} would lie outside Mover:VolumeRoot.", nameof(claimName));
        if (create) Directory.CreateDirectory(path);
        else if (!Directory.Exists(path))
        {
            throw new VolumeNotFoundException($"Volume {@namespace}/{claimName} has no folder at {path}; check Mover:VolumeRoot.");
        }
        return Task.FromResult(path);
    }
}

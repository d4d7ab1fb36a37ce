using Stowage.Common.Validation;
using Stowage.Mover.Engine;
using Stowage.Mover.Runtime.Runs;

namespace Stowage.Restore.Mapping;

/// <summary>
/// A run's manifest comes from the bucket, which anyone with write access to it can edit; the namespace and claim
/// names a restore builds folders and objects from must be Kubernetes names, and each snapshot id a whole id (not
/// "latest", a prefix or anything a volume job's command line could read as an option), before anything is written.
/// </summary>
public static class ManifestNames
{
    /// <summary>A description of the first name that is not a Kubernetes name, or null when all are.</summary>
    public static string? FindUnsafe(RunManifest manifest, string targetNamespace)
    {
        if (!KubernetesNames.IsDnsLabel(targetNamespace)) return $"the namespace '{targetNamespace}', which is not a Kubernetes namespace name (a DNS label)";
        foreach (var volume in manifest.Volumes)
        {
            if (!KubernetesNames.IsDnsSubdomain(volume.ClaimName))
                return $"the claim '{volume.ClaimName}', which is not a Kubernetes object name (a DNS subdomain)";
            if (!BlobId.TryParse(volume.SnapshotId, out _))
                return $"the snapshot of claim '{volume.ClaimName}', whose id is not a snapshot id (64 hexadecimal digits)";
        }
        return null;
    }
}

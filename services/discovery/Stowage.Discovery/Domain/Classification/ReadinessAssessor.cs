using Stowage.Contracts.Discovery;

namespace Stowage.Discovery.Domain.Classification;

internal static class ReadinessAssessor
{
    public static ProtectionStatus Assess(IReadOnlyList<ApplicationVolume> volumes, IEnumerable<string> problems)
    {
        var sorted = problems.Distinct().Order(StringComparer.Ordinal).ToList();
        var protectedVolumes = volumes.Where(volume => volume.Protect).ToList();
        var readiness = sorted.Count > 0 ? ProtectionReadiness.Degraded
            : protectedVolumes.Count == 0 ? ProtectionReadiness.NothingToProtect
            : protectedVolumes.All(volume => volume.CopyMethod == VolumeDescriber.Snapshot) ? ProtectionReadiness.SnapshotReady
            : ProtectionReadiness.FileCopyOnly;
        return new ProtectionStatus(readiness, sorted);
    }
}

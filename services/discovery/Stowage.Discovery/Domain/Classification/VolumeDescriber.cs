using Stowage.Contracts.Discovery;
using Stowage.Discovery.Domain.Catalog;
using Stowage.Discovery.Domain.Grouping;
using Stowage.Discovery.Domain.Inventory;

namespace Stowage.Discovery.Domain.Classification;

/// <summary>Describes each claim of a candidate: where it lives, whether it can be snapshotted, whether it is copied.</summary>
internal static class VolumeDescriber
{
    public const string Snapshot = "Snapshot";
    public const string FileCopy = "FileCopy";

    public static IReadOnlyList<ApplicationVolume> Describe(
        ApplicationCandidate candidate, VolumeRules rules, IReadOnlySet<string> members, InventorySnapshot snapshot, List<string> problems)
    {
        return candidate.Claims.OrderBy(claim => claim.Name, StringComparer.Ordinal).Select(claim =>
        {
            var templateName = candidate.ClaimTemplates.GetValueOrDefault(claim.Name, claim.Name);
            var podName = candidate.ClaimPods.GetValueOrDefault(claim.Name);
            var volume = claim.VolumeName is { } name ? snapshot.PersistentVolumes.GetValueOrDefault(name) : null;
            var storageClass = claim.StorageClass ?? volume?.StorageClass;
            var driver = volume?.CsiDriver ?? (storageClass is null ? null : snapshot.StorageClasses.GetValueOrDefault(storageClass)?.Provisioner);
            var snapshotClass = driver is null ? null : SnapshotClassFor(driver, snapshot);
            var wanted = Glob.AnyMatch(rules.Include, templateName) && !Glob.AnyMatch(rules.Exclude, templateName);
            var protect = wanted && (podName is null || members.Contains(podName));
            if (protect && claim.Phase is "Pending" or "Lost")
            {
                problems.Add($"Volume claim {claim.Name} is {claim.Phase}; its data cannot be copied until it is Bound.");
            }
            return new ApplicationVolume(claim.Name, templateName, podName, claim.VolumeName, claim.Size ?? volume?.Capacity, storageClass, driver,
                snapshotClass, protect, snapshotClass is null ? FileCopy : Snapshot);
        }).ToList();
    }

    /// <summary>The default class for the driver if one is marked default, else the first by name.</summary>
    private static string? SnapshotClassFor(string driver, InventorySnapshot snapshot) =>
        snapshot.SnapshotClasses.Where(sc => sc.Driver == driver).OrderByDescending(sc => sc.IsDefault).ThenBy(sc => sc.Name, StringComparer.Ordinal)
            .FirstOrDefault()?.Name;
}

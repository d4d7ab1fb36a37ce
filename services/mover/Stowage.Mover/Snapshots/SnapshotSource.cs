using Stowage.Mover.Runtime.Snapshots;
using Stowage.Mover.Workflows;

namespace Stowage.Mover.Snapshots;

/// <summary>
/// Gives a copy the claim to read: the live claim, or a claim cloned from a CSI snapshot taken for this run (deleted
/// again, with its snapshot, when the copy ends, whether it succeeded or not).
/// </summary>
internal sealed class SnapshotSource(CsiSnapshotCloner? cloner = null)
{
    public async Task<T> WithClaimAsync<T>(string ns, PlannedVolume volume, string runId, Func<string, Task<T>> copy)
    {
        if (volume.SnapshotClass is null) return await copy(volume.ClaimName);
        if (cloner is null) throw new SnapshotFailedException($"Volume {volume.ClaimName} is to be copied from a snapshot, but no Kubernetes API is reachable.");

        var clone = await cloner.CloneAsync(ns, volume.ClaimName, volume.SnapshotClass, runId, CancellationToken.None);
        try
        {
            return await copy(clone.CloneClaim);
        }
        finally
        {
            await cloner.ReleaseAsync(clone, CancellationToken.None);
        }
    }
}

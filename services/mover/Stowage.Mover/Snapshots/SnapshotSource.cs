using Stowage.Mover.Runtime.Snapshots;
using Stowage.Mover.Workflows;

namespace Stowage.Mover.Snapshots;

/// <summary>
/// Gives a copy the claim to read: the live claim, or a claim cloned from a CSI snapshot taken for this run. The clone
/// is deleted when the copy ends. The snapshot is kept when the copy succeeded, as the volume's base for the next
/// backup, and the previous run's snapshot of the volume is deleted then; when the copy fails, its own snapshot is
/// deleted and the previous base stays.
/// </summary>
internal sealed class SnapshotSource(CsiSnapshotCloner? cloner = null)
{
    /// <param name="previousRunId">The run that made the volume's newest backup before this one, whose snapshot this copy replaces.</param>
    /// <param name="copy">Copies the claim it is given; the clone is null for the live claim.</param>
    public async Task<T> WithClaimAsync<T>(string ns, PlannedVolume volume, string runId, string? previousRunId, Func<string, SnapshotClone?, Task<T>> copy)
    {
        if (volume.SnapshotClass is null) return await copy(volume.ClaimName, null);
        if (cloner is null) throw new SnapshotFailedException($"Volume {volume.ClaimName} is to be copied from a snapshot, but no Kubernetes API is reachable.");

        var clone = await cloner.CloneAsync(ns, volume.ClaimName, volume.SnapshotClass, runId, CancellationToken.None);
        T copied;
        try
        {
            copied = await copy(clone.CloneClaim, clone);
        }
        catch
        {
            await cloner.DiscardAsync(clone, CancellationToken.None);
            throw;
        }
        await cloner.ReleaseAsync(clone, CancellationToken.None);
        if (previousRunId is not null && previousRunId != runId)
            await cloner.DeleteSnapshotOfRunAsync(ns, volume.ClaimName, previousRunId, CancellationToken.None);
        return copied;
    }
}

using Stowage.Mover.Runtime.Snapshots;
using Stowage.Mover.Runtime.Volumes;
using Stowage.Mover.Workflows;

namespace Stowage.Mover.Snapshots;

/// <summary>
/// Gives a copy the folder to read: the live volume's, or that of a claim cloned from a CSI snapshot taken for this
/// run (deleted again when the copy ends, whether it succeeded or not).
/// </summary>
internal sealed class SnapshotSource(IVolumeLocator volumes, TimeProvider clock, CsiSnapshotCloner? cloner = null)
{
    private static readonly TimeSpan ProvisionTimeout = TimeSpan.FromMinutes(5);

    public async Task<T> WithSourceAsync<T>(string ns, PlannedVolume volume, string runId, Func<string, Task<T>> copy)
    {
        if (volume.SnapshotClass is null) return await copy(volume.SourcePath!);
        if (cloner is null) throw new SnapshotFailedException($"Volume {volume.ClaimName} is to be copied from a snapshot, but no Kubernetes API is reachable.");

        var clone = await cloner.CloneAsync(ns, volume.ClaimName, volume.SnapshotClass, runId, CancellationToken.None);
        try
        {
            return await copy(await WaitForFilesAsync(ns, clone.CloneClaim));
        }
        finally
        {
            await cloner.ReleaseAsync(clone, CancellationToken.None);
        }
    }

    private async Task<string> WaitForFilesAsync(string ns, string claim)
    {
        var deadline = clock.GetUtcNow() + ProvisionTimeout;
        while (true)
        {
            try
            {
                return await volumes.LocateAsync(ns, claim, create: false, CancellationToken.None);
            }
            catch (VolumeNotFoundException) when (clock.GetUtcNow() < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500), clock);
            }
        }
    }
}

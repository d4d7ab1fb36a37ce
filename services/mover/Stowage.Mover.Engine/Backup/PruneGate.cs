using Stowage.Mover.Engine.Repository;
using Stowage.Mover.Engine.Snapshots;

namespace Stowage.Mover.Engine.Backup;

/// <summary>A backup waits for running prunes before it reads the index, so it never relies on a pack being deleted.</summary>
internal static class PruneGate
{
    public static async Task WaitForPrunesAsync(RepositoryStore store, string ownLock, TimeSpan patience, CancellationToken cancellationToken)
    {
        var deadline = store.Clock.GetUtcNow() + patience;
        while ((await LiveLocks.FindAsync(store, LockFile.Prune, ownLock, cancellationToken)).Count > 0)
        {
            if (store.Clock.GetUtcNow() > deadline)
                throw new TimeoutException("A prune has held the repository longer than the backup is willing to wait.");
            await Task.Delay(TimeSpan.FromSeconds(2), store.Clock, cancellationToken);
        }
    }
}

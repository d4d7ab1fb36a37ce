using System.Text.Json;
using Stowage.Mover.Engine.Snapshots;
using Stowage.Mover.Engine.Storage;

namespace Stowage.Mover.Engine.Repository;

/// <summary>The locks others hold: those refreshed within <see cref="RepositoryLock.StaleAfter"/>.</summary>
internal static class LiveLocks
{
    /// <summary>Locks of the given kind that are fresh, other than the caller's own.</summary>
    public static async Task<List<LockFile>> FindAsync(RepositoryStore store, string kind, string? exceptKey, CancellationToken cancellationToken)
    {
        var live = new List<LockFile>();
        foreach (var key in await store.ListSealedFilesAsync(RepositoryLayout.LocksPrefix, cancellationToken))
        {
            if (key == exceptKey) continue;
            LockFile? file;
            try
            {
                file = JsonSerializer.Deserialize(await store.ReadSealedFileAsync("lock", key, cancellationToken), EngineJsonContext.Default.LockFile);
            }
            catch (ObjectMissingException)
            {
                continue;
            }
            if (file is not null && file.Kind == kind && store.Clock.GetUtcNow() - file.Time < RepositoryLock.StaleAfter) live.Add(file);
        }
        return live;
    }
}

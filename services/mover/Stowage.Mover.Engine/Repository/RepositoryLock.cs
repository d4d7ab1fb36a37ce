using System.Security.Cryptography;
using System.Text.Json;
using Stowage.Mover.Engine.Snapshots;
using Stowage.Mover.Engine.Storage;

namespace Stowage.Mover.Engine.Repository;

/// <summary>
/// A lock object under locks/, refreshed (by writing a new object and deleting the old) while its holder works.
/// Backups and prunes each write one, then look for the other kind; at least one of two concurrent parties sees
/// the other, so a prune never deletes packs a running backup may be relying on (docs/repository-format.md).
/// </summary>
internal sealed class RepositoryLock : IAsyncDisposable
{
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(30);
    private static readonly TimeSpan RefreshEvery = TimeSpan.FromMinutes(5);

    private readonly RepositoryStore _store;
    private readonly LockFile _file;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _refresher;
    private string _key;

    private RepositoryLock(RepositoryStore store, LockFile file, string key)
    {
        _store = store;
        _file = file;
        _key = key;
        _refresher = Task.Run(RefreshLoopAsync);
    }

    public string Key => _key;

    public static async Task<RepositoryLock> AcquireAsync(RepositoryStore store, string kind, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        var file = new LockFile(kind, now, now, Environment.MachineName, Environment.ProcessId);
        var key = await WriteAsync(store, file, cancellationToken);
        return new RepositoryLock(store, file, key);
    }

    /// <summary>Locks of the given kind that are fresh, other than the caller's own.</summary>
    public static async Task<List<LockFile>> FindLiveAsync(RepositoryStore store, string kind, string? exceptKey, CancellationToken cancellationToken)
    {
        var live = new List<LockFile>();
        foreach (var key in await store.ListKeysAsync(RepositoryLayout.LocksPrefix, cancellationToken))
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
            if (file is not null && file.Kind == kind && DateTimeOffset.UtcNow - file.Time < StaleAfter) live.Add(file);
        }
        return live;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try { await _refresher; } catch (OperationCanceledException) { }
        await _store.Backend.DeleteAsync(_key, CancellationToken.None);
        _stop.Dispose();
    }

    private async Task RefreshLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            await Task.Delay(RefreshEvery, _stop.Token);
            var fresh = await WriteAsync(_store, _file with { Time = DateTimeOffset.UtcNow }, _stop.Token);
            var old = _key;
            _key = fresh;
            await _store.Backend.DeleteAsync(old, _stop.Token);
        }
    }

    private static async Task<string> WriteAsync(RepositoryStore store, LockFile file, CancellationToken cancellationToken)
    {
        var key = RepositoryLayout.Lock(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)));
        var payload = JsonSerializer.SerializeToUtf8Bytes(file, EngineJsonContext.Default.LockFile);
        await store.Backend.WriteAsync(key, store.Keys.Files.Seal("lock", payload), mustNotExist: true, cancellationToken);
        return key;
    }
}

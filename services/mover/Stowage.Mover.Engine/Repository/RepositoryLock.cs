using System.Security.Cryptography;
using System.Text.Json;
using Stowage.Mover.Engine.Snapshots;
using Stowage.Mover.Engine.Telemetry;

namespace Stowage.Mover.Engine.Repository;

/// <summary>
/// A lock object under locks/, refreshed (by writing a new object and deleting the old) while its holder works.
/// Backups and prunes each write one, then look for the other kind; at least one of two concurrent parties sees
/// the other, so a prune never deletes packs a running backup may be relying on (docs/repository-format.md).
/// A holder whose refreshes keep failing is stopped at half the stale age, before anyone may ignore its lock.
/// </summary>
internal sealed class RepositoryLock : IAsyncDisposable
{
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan GiveUpAfter = StaleAfter / 2;
    public static readonly TimeSpan RefreshEvery = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan RetryEvery = TimeSpan.FromMinutes(1);

    private readonly RepositoryStore _store;
    private readonly LockFile _file;
    private readonly CancellationTokenSource _stop = new();
    private readonly CancellationTokenSource _giveUp;
    private readonly List<string> _undeleted = [];
    private readonly Task _refresher;
    private volatile string _key;
    private DateTimeOffset _refreshed;
    private int _failures;
    private volatile string? _lastError;

    private RepositoryLock(RepositoryStore store, LockFile file, string key)
    {
        _store = store;
        _file = file;
        _key = key;
        _refreshed = file.Time;
        _giveUp = new CancellationTokenSource(UntilGiveUp(file.Time), store.Clock);
        _refresher = RefreshLoopAsync();
    }

    public string Key => _key;

    /// <summary>Runs work while holding a lock of the given kind; work is cancelled, and fails with
    /// <see cref="RepositoryLockLostException"/>, once the lock could not be refreshed for <see cref="GiveUpAfter"/>.</summary>
    public static async Task<T> HoldAsync<T>(RepositoryStore store, string kind, Func<RepositoryLock, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var held = await AcquireAsync(store, kind, cancellationToken);
        using var run = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, held._giveUp.Token);
        try
        {
            return await work(held, run.Token);
        }
        catch (Exception e) when (held._giveUp.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw held.LostError(e);
        }
    }

    public static async Task<RepositoryLock> AcquireAsync(RepositoryStore store, string kind, CancellationToken cancellationToken)
    {
        var now = store.Clock.GetUtcNow();
        var file = new LockFile(kind, now, now, Environment.MachineName, Environment.ProcessId);
        var key = await WriteAsync(store, file, cancellationToken);
        return new RepositoryLock(store, file, key);
    }

    /// <summary>Stops refreshing and removes the lock; a removal that fails leaves a lock that goes stale by itself.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try { await _refresher; } catch (OperationCanceledException) { }
        _undeleted.Add(_key);
        foreach (var key in _undeleted) await TryDeleteAsync(key, CancellationToken.None);
        _stop.Dispose();
        _giveUp.Dispose();
    }

    private async Task RefreshLoopAsync()
    {
        using var loop = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token, _giveUp.Token);
        // Attempts are scheduled on the clock rather than after each other, so a slow attempt does not push the next.
        var next = _file.Time + RefreshEvery;
        while (true)
        {
            var wait = next - _store.Clock.GetUtcNow();
            if (wait > TimeSpan.Zero) await Task.Delay(wait, _store.Clock, loop.Token);
            var attempt = _store.Clock.GetUtcNow();
            next = attempt + (await TryRefreshAsync(attempt, loop.Token) ? RefreshEvery : RetryEvery);
        }
    }

    private async Task<bool> TryRefreshAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        string fresh;
        try
        {
            fresh = await WriteAsync(_store, _file with { Time = now }, cancellationToken);
        }
        catch (Exception e) when (!IsStopping(e, cancellationToken))
        {
            Interlocked.Increment(ref _failures);
            _lastError = e.Message;
            EngineTelemetry.LockWriteFailures.Add(1, Tags("refresh"));
            return false;
        }
        var old = _key;
        _key = fresh;
        _refreshed = now;
        _giveUp.CancelAfter(UntilGiveUp(now));
        if (!await TryDeleteAsync(old, cancellationToken)) _undeleted.Add(old);
        return true;
    }

    private async Task<bool> TryDeleteAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            await _store.Backend.DeleteAsync(key, cancellationToken);
            return true;
        }
        catch (Exception e) when (!IsStopping(e, cancellationToken))
        {
            EngineTelemetry.LockWriteFailures.Add(1, Tags("delete"));
            return false;
        }
    }

    // Anything but our own cancellation counts as a failed write, a client's timeout included.
    private static bool IsStopping(Exception e, CancellationToken cancellationToken) =>
        e is OperationCanceledException && cancellationToken.IsCancellationRequested;

    private TimeSpan UntilGiveUp(DateTimeOffset written)
    {
        var left = written + GiveUpAfter - _store.Clock.GetUtcNow();
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }

    private KeyValuePair<string, object?>[] Tags(string operation) => [new("kind", _file.Kind), new("operation", operation)];

    // Backends keep credentials out of their messages (IRepositoryBackend.Location), so the last one is safe to quote.
    private RepositoryLockLostException LostError(Exception cause) => new(
        $"The {_file.Kind} stopped: its lock '{_key}' has not been refreshed since {_refreshed:u} "
        + (_lastError is { } error ? $"({_failures} attempt(s) failed, the last with: {error})" : "(the refresh did not finish)")
        + $". After {StaleAfter.TotalMinutes:0} minutes others take the lock for stale, and a prune could delete data the {_file.Kind} relies on; "
        + "check that the repository accepts writes, then run it again.",
        _key, _refreshed, cause);

    private static async Task<string> WriteAsync(RepositoryStore store, LockFile file, CancellationToken cancellationToken)
    {
        var key = RepositoryLayout.Lock(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)));
        var payload = JsonSerializer.SerializeToUtf8Bytes(file, EngineJsonContext.Default.LockFile);
        await store.Backend.WriteAsync(key, store.Keys.Files.Seal("lock", payload), mustNotExist: true, cancellationToken);
        return key;
    }
}

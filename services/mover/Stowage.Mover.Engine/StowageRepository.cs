using Stowage.Mover.Engine.Backup;
using Stowage.Mover.Engine.Crypto;
using Stowage.Mover.Engine.Maintenance;
using Stowage.Mover.Engine.Repository;
using Stowage.Mover.Engine.Restore;
using Stowage.Mover.Engine.Snapshots;
using Stowage.Mover.Engine.Storage;

namespace Stowage.Mover.Engine;

/// <summary>
/// An opened Stowage repository: the entry point for backup, restore, listing, application manifests,
/// check, forget, prune, stats and key management. Everything is read from the backend alone.
/// </summary>
public sealed class StowageRepository : IDisposable
{
    private readonly RepositoryStore _store;

    private KeyEnvelope _envelope;

    private StowageRepository(RepositoryStore store, string keyId, KeyEnvelope envelope)
    {
        _store = store;
        KeyId = keyId;
        _envelope = envelope;
    }

    internal RepositoryStore Store => _store;

    /// <summary>The repository's random id.</summary>
    public string Id => _store.Keys.Config.Id;

    /// <summary>Id of the key envelope that opened the repository.</summary>
    public string KeyId { get; private set; }

    /// <summary>Creates a repository with a new random master key wrapped by the secret.</summary>
    public static Task<StowageRepository> InitAsync(IRepositoryBackend backend, RepositorySecret secret,
        RepositoryInitOptions? options = null, CancellationToken cancellationToken = default) =>
        InitAsync(backend, secret, options, TimeProvider.System, cancellationToken);

    internal static async Task<StowageRepository> InitAsync(IRepositoryBackend backend, RepositorySecret secret,
        RepositoryInitOptions? options, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (config, master) = await KeyRing.CreateAsync(backend, secret, options ?? new RepositoryInitOptions(), cancellationToken);
        var (_, keyId, envelope) = await KeyRing.UnlockAsync(backend, secret, cancellationToken);
        return new StowageRepository(new RepositoryStore(backend, new RepositoryKeys(master, config), clock), keyId, envelope);
    }

    /// <summary>Opens an existing repository; throws <see cref="WrongPasswordException"/> if no key envelope opens.</summary>
    public static Task<StowageRepository> OpenAsync(IRepositoryBackend backend, RepositorySecret secret, CancellationToken cancellationToken = default) =>
        OpenAsync(backend, secret, TimeProvider.System, cancellationToken);

    internal static async Task<StowageRepository> OpenAsync(IRepositoryBackend backend, RepositorySecret secret, TimeProvider clock, CancellationToken cancellationToken)
    {
        var configTask = KeyRing.ReadConfigAsync(backend, cancellationToken);
        var unlockTask = KeyRing.UnlockAsync(backend, secret, cancellationToken);
        var document = await configTask;
        var (master, keyId, envelope) = await unlockTask;
        var config = document.Verify(master.ConfigKey, envelope.Format);
        return new StowageRepository(new RepositoryStore(backend, new RepositoryKeys(master, config), clock), keyId, envelope);
    }

    /// <summary>The repository's format version (see docs/repository-format.md).</summary>
    public int FormatVersion => _store.Keys.Config.Version;

    /// <summary>
    /// Upgrades the repository's format in place to the current version, and binds the key that opened it (secret)
    /// to that version; what is already current is left alone. Returns the version it had. Clients older than the
    /// new version can no longer open it; other keys are bound when added again (key add, then key remove).
    /// </summary>
    public async Task<int> UpgradeAsync(RepositorySecret secret, CancellationToken cancellationToken = default)
    {
        if (_envelope.TryUnwrap(secret) is null) throw new ArgumentException("The secret is not the one that opened the repository.", nameof(secret));
        var before = FormatVersion;
        _store.Keys.UseUpgraded(await KeyRing.UpgradeAsync(_store.Backend, _store.Keys.Config, _store.Keys.Master, cancellationToken));
        (KeyId, _envelope) = await KeyRing.RewrapAsync(_store.Backend, _store.Keys.Master, secret, KeyId, _envelope, cancellationToken);
        return before;
    }

    /// <summary>The memory a run may use (by default the cgroup limit, if any); set it before the first run.</summary>
    public MemoryBudget MemoryBudget
    {
        get => _store.Budget;
        set => _store.Budget = value;
    }

    /// <summary>Backs up a directory as a new snapshot, reading only files changed since the parent snapshot.</summary>
    public Task<BackupResult> BackupAsync(BackupRequest request, IProgress<BackupProgress>? progress = null, CancellationToken cancellationToken = default) =>
        BackupRunner.RunAsync(_store, request, progress, cancellationToken);

    /// <summary>Restores a snapshot, or a path inside it, verifying every chunk.</summary>
    public Task<RestoreResult> RestoreAsync(RestoreRequest request, IProgress<BackupProgress>? progress = null, CancellationToken cancellationToken = default) =>
        RestoreRunner.RunAsync(_store, request, progress, cancellationToken);

    /// <summary>Snapshots carrying all the given tags (all when null), oldest first.</summary>
    public async Task<IReadOnlyList<SnapshotInfo>> ListSnapshotsAsync(IReadOnlyDictionary<string, string>? tagFilter = null, CancellationToken cancellationToken = default) =>
        (await _store.LoadSnapshotsAsync(cancellationToken)).Select(s => RepositoryStore.ToInfo(s.Id, s.Snapshot)).Where(s => s.Matches(tagFilter)).ToList();

    /// <summary>Stores the application manifest (e.g. Kubernetes resources JSON) beside a snapshot; write-once.</summary>
    public async Task WriteApplicationManifestAsync(string snapshotId, byte[] manifest, CancellationToken cancellationToken = default)
    {
        var (id, _) = await _store.FindSnapshotAsync(snapshotId, cancellationToken);
        await ApplicationManifestStore.WriteAsync(_store, id, manifest, cancellationToken);
    }

    /// <summary>Reads the application manifest stored beside a snapshot, or null if it has none.</summary>
    public async Task<byte[]?> ReadApplicationManifestAsync(string snapshotId, CancellationToken cancellationToken = default)
    {
        var (id, _) = await _store.FindSnapshotAsync(snapshotId, cancellationToken);
        return await ApplicationManifestStore.ReadAsync(_store, id, cancellationToken);
    }

    /// <summary>Verifies the repository's structure, and with ReadData every stored byte.</summary>
    public Task<CheckResult> CheckAsync(CheckOptions? options = null, CancellationToken cancellationToken = default) =>
        RepositoryChecker.RunAsync(_store, options ?? new CheckOptions(), cancellationToken);

    /// <summary>Removes snapshots the retention policy does not keep (their data is freed by <see cref="PruneAsync"/>).</summary>
    public Task<ForgetResult> ForgetAsync(ForgetRequest request, CancellationToken cancellationToken = default) =>
        SnapshotForgetter.RunAsync(_store, request, cancellationToken);

    /// <summary>Deletes data no snapshot needs; defers (deleting nothing) while a backup runs.</summary>
    public Task<PruneResult> PruneAsync(PruneOptions? options = null, CancellationToken cancellationToken = default) =>
        Pruner.RunAsync(_store, options ?? new PruneOptions(), cancellationToken);

    /// <summary>Size figures of the repository.</summary>
    public Task<RepositoryStats> GetStatsAsync(CancellationToken cancellationToken = default) =>
        StatsCollector.RunAsync(_store, cancellationToken);

    /// <summary>Adds a key envelope so another password or key file also opens the repository; returns its id.</summary>
    public Task<string> AddKeyAsync(RepositorySecret secret, string label = "", int iterations = KeyEnvelope.DefaultIterations, CancellationToken cancellationToken = default) =>
        KeyRing.AddAsync(_store.Backend, _store.Keys, secret, iterations, label, cancellationToken);

    /// <summary>The key envelopes of the repository.</summary>
    public async Task<IReadOnlyList<KeyInfo>> ListKeysAsync(CancellationToken cancellationToken = default) =>
        (await KeyRing.ListAsync(_store.Backend, cancellationToken))
            .Select(k => new KeyInfo(k.Id, k.Envelope.Kdf, k.Envelope.Created, k.Envelope.Host, k.Envelope.Label, k.Id == KeyId)).ToList();

    /// <summary>Removes a key envelope; the one in use and the last one cannot be removed.</summary>
    public async Task RemoveKeyAsync(string keyId, CancellationToken cancellationToken = default)
    {
        var keys = await ListKeysAsync(cancellationToken);
        var key = keys.SingleOrDefault(k => k.Id.StartsWith(keyId, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"No key '{keyId}'.");
        if (key.IsCurrent) throw new ArgumentException("The key in use cannot be removed; open the repository with another key first.");
        await _store.Backend.DeleteAsync(RepositoryLayout.Key(key.Id), cancellationToken);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        // Runs wait for their own tree loads; this covers a caller that disposes while one still runs.
        _store.WhenTreeLoadsIdleAsync().GetAwaiter().GetResult();
        _store.Keys.Dispose();
        _store.Backend.Dispose();
    }
}

/// <summary>A key envelope as listed.</summary>
public sealed record KeyInfo(string Id, string Kdf, DateTimeOffset Created, string Host, string Label, bool IsCurrent);

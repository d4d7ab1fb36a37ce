using System.Collections.Concurrent;
using System.Text.Json;
using Stowage.Mover.Engine.Indexing;
using Stowage.Mover.Engine.Packs;
using Stowage.Mover.Engine.Snapshots;
using Stowage.Mover.Engine.Storage;

namespace Stowage.Mover.Engine.Repository;

/// <summary>An opened repository: backend, keys and index, and typed access to its objects.</summary>
internal sealed class RepositoryStore(IRepositoryBackend backend, RepositoryKeys keys, TimeProvider clock)
{
    public IRepositoryBackend Backend { get; } = backend;
    public RepositoryKeys Keys { get; } = keys;
    /// <summary>The clock of locks: when they were written, when they are refreshed and when they count as stale.</summary>
    public TimeProvider Clock { get; } = clock;
    public RepositoryIndex Index { get; private set; } = new();
    public MemoryBudget Budget { get; set; } = MemoryBudget.Detect();
    public TreeLoader Trees => _trees ??= new TreeLoader(this, Budget.TreePackCacheBytes);
    private TreeLoader? _trees;

    /// <summary>Waits for tree loads still running (none if no tree was ever loaded).</summary>
    public Task WhenTreeLoadsIdleAsync() => _trees?.WhenIdleAsync() ?? Task.CompletedTask;

    /// <summary>
    /// Index files read and decoded at once, by their stored size: each is held about three times while it is
    /// decoded (as stored, as plain payload, as entries), and eight read at once added 80 MiB to a restore's peak.
    /// </summary>
    public const long IndexBytesInFlight = 8 * 1024 * 1024;

    /// <summary>Loads every index file, twice (see <see cref="IndexLoader{TEntry}"/>): memory is then the entries, once.</summary>
    public Task LoadIndexAsync(CancellationToken cancellationToken) => LoadIndexAsync<IndexEntry>(cancellationToken);

    /// <summary>Loads an index that only finds blobs, keyed by a prefix of their ids (see <see cref="LookupEntry"/>): 30 bytes per blob instead of 49.</summary>
    public Task LoadLookupIndexAsync(CancellationToken cancellationToken) => LoadIndexAsync<LookupEntry>(cancellationToken);

    private async Task LoadIndexAsync<TEntry>(CancellationToken cancellationToken) where TEntry : struct, IBlobTableEntry<TEntry>
    {
        var loader = new IndexLoader<TEntry>();
        var files = await ListSealedObjectsAsync(RepositoryLayout.IndexPrefix, cancellationToken);
        await ForEachIndexFileAsync(files, loader.Count, cancellationToken);
        await ForEachIndexFileAsync(files, loader.Fill, cancellationToken);
        var index = loader.Build();
        foreach (var file in files) index.IndexFiles.Add(BlobId.Parse(RepositoryLayout.NameOf(file.Key)));
        Index = index;
    }

    private async Task ForEachIndexFileAsync(List<StoredObject> files, Action<byte[], string> decode, CancellationToken cancellationToken)
    {
        var inFlight = new InFlightBytes(IndexBytesInFlight);
        await Parallel.ForEachAsync(files, Parallelism(cancellationToken), async (file, ct) =>
        {
            await inFlight.WaitAsync(file.Size, ct);
            try
            {
                decode(await ReadSealedFileAsync("index", file.Key, ct), file.Key);
            }
            finally
            {
                inFlight.Release(file.Size);
            }
        });
    }

    /// <summary>Keys of the sealed files under prefix; one too large to be a sealed file is refused before it is read.</summary>
    public async Task<List<string>> ListSealedFilesAsync(string prefix, CancellationToken cancellationToken) =>
        [.. (await ListSealedObjectsAsync(prefix, cancellationToken)).Select(o => o.Key)];

    private async Task<List<StoredObject>> ListSealedObjectsAsync(string prefix, CancellationToken cancellationToken)
    {
        var objects = new List<StoredObject>();
        await foreach (var item in Backend.ListAsync(prefix, cancellationToken))
        {
            if (item.Size > RepositoryLimits.MaxSealedObjectBytes)
                throw new RepositoryDamagedException($"Object '{item.Key}' is {item.Size} bytes, more than the {RepositoryLimits.MaxSealedObjectBytes} a sealed file takes (damaged or altered).");
            objects.Add(item);
        }
        return objects;
    }

    /// <summary>Writes a content-addressed sealed file (index or snapshot) and returns its id.</summary>
    public async Task<BlobId> WriteSealedFileAsync(string kind, string prefix, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        var stored = Keys.Files.Seal(kind, payload.Span);
        var id = BlobId.HashOf(stored);
        await Backend.WriteAsync(prefix + id, stored, mustNotExist: false, cancellationToken);
        return id;
    }

    public async Task<byte[]> ReadSealedFileAsync(string kind, string key, CancellationToken cancellationToken)
    {
        var stored = await Backend.ReadAsync(key, cancellationToken);
        var name = RepositoryLayout.NameOf(key);
        if (kind is "index" or "snapshot" && (!BlobId.TryParse(name, out var expected) || BlobId.HashOf(stored) != expected))
            throw new RepositoryDamagedException($"Object '{key}' does not match its name (damaged).");
        return Keys.Files.Open(kind, stored, $"Object '{key}'");
    }

    public Task<Tree> LoadTreeAsync(BlobId id, CancellationToken cancellationToken) => Trees.LoadAsync(id, cancellationToken);

    public async Task<List<(BlobId Id, SnapshotFile Snapshot)>> LoadSnapshotsAsync(CancellationToken cancellationToken)
    {
        var keysToRead = await ListSealedFilesAsync(RepositoryLayout.SnapshotsPrefix, cancellationToken);
        var snapshots = new ConcurrentBag<(BlobId, SnapshotFile)>();
        await Parallel.ForEachAsync(keysToRead, Parallelism(cancellationToken), async (key, ct) =>
        {
            var payload = await ReadSealedFileAsync("snapshot", key, ct);
            var snapshot = JsonSerializer.Deserialize(payload, EngineJsonContext.Default.SnapshotFile)
                ?? throw new RepositoryDamagedException($"Snapshot '{key}' is empty.");
            snapshots.Add((BlobId.Parse(RepositoryLayout.NameOf(key)), snapshot));
        });
        return snapshots.OrderBy(s => s.Item2.Time).ToList();
    }

    public async Task<(BlobId Id, SnapshotFile Snapshot)> FindSnapshotAsync(string idOrPrefix, CancellationToken cancellationToken) =>
        FindSnapshot(await LoadSnapshotsAsync(cancellationToken), idOrPrefix);

    public static (BlobId Id, SnapshotFile Snapshot) FindSnapshot(List<(BlobId Id, SnapshotFile Snapshot)> all, string idOrPrefix)
    {
        if (idOrPrefix == "latest")
            return all.Count > 0 ? all[^1] : throw new ArgumentException("The repository has no snapshots.");
        var matches = all.Where(s => s.Id.ToString().StartsWith(idOrPrefix, StringComparison.OrdinalIgnoreCase)).ToList();
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new ArgumentException($"No snapshot '{idOrPrefix}'."),
            _ => throw new ArgumentException($"Snapshot prefix '{idOrPrefix}' is ambiguous."),
        };
    }

    public static SnapshotInfo ToInfo(BlobId id, SnapshotFile file) =>
        new(id.ToString(), file.Time, file.Hostname, file.Path, file.Tags, file.Parent, file.Summary);

    public async Task<List<PackEntry>> ReadPackHeaderAsync(BlobId packId, long packSize, CancellationToken cancellationToken)
    {
        var pack = await Backend.ReadAsync(RepositoryLayout.Pack(packId), cancellationToken);
        return PackHeaderReader.Read(pack, Keys.Cipher, packId.ToShortString());
    }

    public static ParallelOptions Parallelism(CancellationToken cancellationToken) =>
        new() { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken };
}

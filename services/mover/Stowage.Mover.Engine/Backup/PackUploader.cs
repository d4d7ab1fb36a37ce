using System.Threading.Channels;
using Stowage.Mover.Engine.Indexing;
using Stowage.Mover.Engine.Packs;
using Stowage.Mover.Engine.Repository;
using Stowage.Mover.Engine.Telemetry;

namespace Stowage.Mover.Engine.Backup;

/// <summary>
/// Finishes and uploads full packs with a few concurrent writers. A pack enters the index only after its
/// upload succeeded, and an index file is written every few packs so an interrupted run's uploads are reused.
/// </summary>
internal sealed class PackUploader
{
    private readonly RepositoryStore _store;
    private readonly BackupCounters _counters;
    private readonly int _packsPerIndex;
    private readonly Channel<PackBuilder> _queue;
    private readonly Task[] _workers;
    private readonly List<PackDescriptor> _unindexed = [];
    private readonly SemaphoreSlim _indexLock = new(1, 1);
    private readonly UploadPacer _pacer;

    public PackUploader(RepositoryStore store, BackupCounters counters, BackupTuning tuning, PipelineFailure failure)
    {
        _pacer = new UploadPacer(tuning.UploadBytesPerSecond);
        _store = store;
        _counters = counters;
        _packsPerIndex = Math.Max(1, tuning.PacksPerIndex);
        _queue = Channel.CreateBounded<PackBuilder>(new BoundedChannelOptions(1) { SingleReader = false });
        _workers = Enumerable.Range(0, Math.Max(1, tuning.Uploaders)).Select(_ => failure.Run(() => RunAsync(failure.Token))).ToArray();
    }

    /// <summary>Called after a pack is uploaded and in the in-memory index.</summary>
    public Action<PackDescriptor>? Uploaded { get; set; }

    /// <summary>Hands a full pack to the writers; a pack they will not take (the run failed) is freed here.</summary>
    public async ValueTask EnqueueAsync(PackBuilder pack, CancellationToken cancellationToken)
    {
        try
        {
            await _queue.Writer.WriteAsync(pack, cancellationToken);
        }
        catch
        {
            pack.Dispose();
            throw;
        }
    }

    /// <summary>Waits for every queued pack, then indexes the rest.</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        await Task.WhenAll(_workers);
        await FlushIndexAsync(force: true, cancellationToken);
    }

    /// <summary>Waits until no writer still works, then frees the packs left in the queue.</summary>
    public async Task AbortAsync(Exception reason)
    {
        _queue.Writer.TryComplete(reason);
        await PipelineFailure.WhenEndedAsync(_workers);
        while (_queue.Reader.TryRead(out var pack)) pack.Dispose();
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        await foreach (var builder in _queue.Reader.ReadAllAsync(cancellationToken))
        {
            PackDescriptor descriptor;
            using (builder)
            {
                (var content, descriptor) = builder.Finish(_store.Keys.Cipher, durable: false);
                await _pacer.WaitAsync(descriptor.Size, cancellationToken);
                await _store.Backend.WriteAsync(RepositoryLayout.Pack(descriptor.PackId), content, mustNotExist: false, cancellationToken);
            }
            Interlocked.Add(ref _counters.BytesUploaded, descriptor.Size);
            EngineTelemetry.BytesUploaded.Add(descriptor.Size);
            _store.Index.Add(descriptor);
            Uploaded?.Invoke(descriptor);
            lock (_unindexed) _unindexed.Add(descriptor);
            await FlushIndexAsync(force: false, cancellationToken);
        }
    }

    private async Task FlushIndexAsync(bool force, CancellationToken cancellationToken)
    {
        await _indexLock.WaitAsync(cancellationToken);
        try
        {
            List<PackDescriptor> batch;
            lock (_unindexed)
            {
                if (_unindexed.Count == 0 || (!force && _unindexed.Count < _packsPerIndex)) return;
                batch = [.. _unindexed];
                _unindexed.Clear();
            }
            var payload = IndexFileCodec.Write(batch);
            var id = await _store.WriteSealedFileAsync("index", RepositoryLayout.IndexPrefix, payload, cancellationToken);
            lock (_store.Index.IndexFiles) _store.Index.IndexFiles.Add(id);
            Interlocked.Add(ref _counters.BytesUploaded, payload.Length);
        }
        finally
        {
            _indexLock.Release();
        }
    }
}

using System.Buffers;
using System.Collections.Concurrent;
using System.Threading.Channels;
using Stowage.Mover.Engine.Packs;
using Stowage.Mover.Engine.Repository;
using Stowage.Mover.Engine.Telemetry;

namespace Stowage.Mover.Engine.Backup;

/// <summary>
/// Deduplicates blobs, then compresses and encrypts new ones on several threads and fills data and tree packs.
/// Memory is bounded by the queue length times the largest chunk, plus the packs being filled and uploaded.
/// </summary>
internal sealed class BlobSaver
{
    private readonly RepositoryStore _store;
    private readonly BackupCounters _counters;
    private readonly PackUploader _uploader;
    private readonly ConcurrentDictionary<BlobId, byte> _claimed = new();
    private readonly Channel<PendingBlob> _queue;
    private readonly int _queueCapacity;
    private readonly Task[] _sealers;
    private readonly PackBuilder?[] _packs = new PackBuilder?[3];
    private readonly int _packSize;
    private readonly string _spillDirectory;

    private const int InlineSealLimit = 64 * 1024;

    private readonly record struct PendingBlob(BlobId Id, BlobType Type, byte[] Buffer, int Length);

    public BlobSaver(RepositoryStore store, BackupCounters counters, BackupTuning tuning, string spillDirectory, PipelineFailure failure)
    {
        _store = store;
        _counters = counters;
        _packSize = store.Keys.Config.PackSize;
        _spillDirectory = spillDirectory;
        _uploader = new PackUploader(store, counters, tuning, failure);
        // Once in the index a blob need not be remembered here; this keeps the set to blobs in flight.
        _uploader.Uploaded = pack =>
        {
            foreach (var entry in pack.Entries) _claimed.TryRemove(entry.Id, out _);
        };
        var sealers = Math.Max(1, tuning.Sealers);
        _queueCapacity = sealers;
        _queue = Channel.CreateBounded<PendingBlob>(new BoundedChannelOptions(_queueCapacity));
        _sealers = Enumerable.Range(0, sealers).Select(_ => failure.Run(() => SealLoopAsync(failure.Token))).ToArray();
    }

    /// <summary>Whether the repository has, or this run is storing, the blob.</summary>
    public bool Has(BlobId id) => _claimed.ContainsKey(id) || _store.Index.Contains(id);

    /// <summary>Stores the blob unless it is already known; data is copied, so the caller may reuse it at once.</summary>
    public ValueTask SaveAsync(BlobId id, BlobType type, ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        if (_store.Index.Contains(id) || !_claimed.TryAdd(id, 0))
        {
            Interlocked.Increment(ref _counters.BlobsDeduplicated);
            EngineTelemetry.ChunksDeduplicated.Add(1);
            return ValueTask.CompletedTask;
        }
        Interlocked.Increment(ref _counters.BlobsNew);
        EngineTelemetry.ChunksNew.Add(1);
        // Handing a small blob to another thread costs more than sealing it here (200,000 small files: a third
        // of the CPU went to waking and parking threads); the callers already run one per core.
        // A caller that finds the sealers busy seals the blob itself rather than waiting for them.
        if (data.Length <= InlineSealLimit || _queue.Reader.Count >= _queueCapacity) return SealAndAddAsync(id, type, data.Span, cancellationToken);
        var copy = EngineBuffers.Pool.Rent(data.Length);
        data.Span.CopyTo(copy);
        if (_queue.Writer.TryWrite(new PendingBlob(id, type, copy, data.Length))) return ValueTask.CompletedTask;
        return SealCopyAsync(id, type, copy, data.Length, cancellationToken);
    }

    private async ValueTask SealCopyAsync(BlobId id, BlobType type, byte[] copy, int length, CancellationToken cancellationToken)
    {
        try
        {
            await SealAndAddAsync(id, type, copy.AsSpan(0, length), cancellationToken);
        }
        finally
        {
            EngineBuffers.Pool.Return(copy);
        }
    }

    /// <summary>Seals the last packs, waits for all uploads and writes the final index file.</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        await Task.WhenAll(_sealers);
        foreach (var type in new[] { BlobType.Data, BlobType.Tree })
        {
            if (_packs[(int)type] is { Count: > 0 } last) await _uploader.EnqueueAsync(last, cancellationToken);
            _packs[(int)type] = null;
        }
        await _uploader.CompleteAsync(cancellationToken);
    }

    public void Abort(Exception reason)
    {
        _queue.Writer.TryComplete(reason);
        _uploader.Abort(reason);
        lock (_packs)
        {
            foreach (var pack in _packs) pack?.Dispose();
        }
    }

    private async Task SealLoopAsync(CancellationToken cancellationToken)
    {
        await foreach (var blob in _queue.Reader.ReadAllAsync(cancellationToken))
            await SealCopyAsync(blob.Id, blob.Type, blob.Buffer, blob.Length, cancellationToken);
    }

    /// <summary>Compresses and encrypts the blob into the open pack of its type; a pack that is full goes to the uploader.</summary>
    private ValueTask SealAndAddAsync(BlobId id, BlobType type, ReadOnlySpan<byte> plain, CancellationToken cancellationToken)
    {
        var sealedBlob = _store.Keys.Blobs.Seal(id, plain);
        PackBuilder? full = null;
        try
        {
            lock (_packs)
            {
                var pack = _packs[(int)type] ??= new PackBuilder(_spillDirectory);
                pack.Add(id, type, sealedBlob.Compressed, sealedBlob.RawLength, sealedBlob.Buffer.AsSpan(0, sealedBlob.Length));
                if (pack.Length >= _packSize)
                {
                    full = pack;
                    _packs[(int)type] = null;
                }
            }
        }
        finally
        {
            EngineBuffers.Pool.Return(sealedBlob.Buffer);
        }
        return full is null ? ValueTask.CompletedTask : _uploader.EnqueueAsync(full, cancellationToken);
    }
}

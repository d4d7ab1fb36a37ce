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
    private readonly Channel<PendingBlobs> _queue;
    private readonly int _queueCapacity;
    private readonly Task[] _sealers;
    private readonly PackBuilder?[] _packs = new PackBuilder?[3];
    private readonly int _packSize;
    private readonly string _spillDirectory;

    private const int InlineSealLimit = 64 * 1024;

    /// <summary>Blobs copied back to back into Buffer (rented), sealed by one sealer in order.</summary>
    private readonly record struct PendingBlobs(BlobType Type, byte[] Buffer, (BlobId Id, int Offset, int Length)[] Blobs);

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
        _queue = Channel.CreateBounded<PendingBlobs>(new BoundedChannelOptions(_queueCapacity));
        _sealers = Enumerable.Range(0, sealers).Select(_ => failure.Run(() => SealLoopAsync(failure.Token))).ToArray();
    }

    /// <summary>Whether the repository has, or this run is storing, the blob.</summary>
    public bool Has(BlobId id) => _claimed.ContainsKey(id) || _store.Index.Contains(id);

    /// <summary>Stores the blob unless it is already known; data is copied, so the caller may reuse it at once.</summary>
    public ValueTask SaveAsync(BlobId id, BlobType type, ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        if (!Claim(id)) return ValueTask.CompletedTask;
        return SaveClaimedAsync(type, data, [(id, 0, data.Length)], data.Length, cancellationToken);
    }

    /// <summary>
    /// Stores the blocks of data (block i is ids[i], blockSize long, the last one possibly shorter) that are not
    /// already known, as one job for the sealers: one 32 KiB block each would cost more in hand-offs than in sealing.
    /// </summary>
    public ValueTask SaveBlocksAsync(ReadOnlyMemory<byte> data, int blockSize, ReadOnlySpan<BlobId> ids, CancellationToken cancellationToken)
    {
        var fresh = new List<(BlobId Id, int Offset, int Length)>(ids.Length);
        var bytes = 0;
        for (var i = 0; i < ids.Length; i++)
        {
            if (!Claim(ids[i])) continue;
            var offset = i * blockSize;
            var length = Math.Min(blockSize, data.Length - offset);
            fresh.Add((ids[i], offset, length));
            bytes += length;
        }
        return fresh.Count == 0 ? ValueTask.CompletedTask : SaveClaimedAsync(BlobType.Data, data, fresh.ToArray(), bytes, cancellationToken);
    }

    /// <summary>Claims the blob for this run, or counts it as deduplicated when it is stored or claimed already.</summary>
    private bool Claim(BlobId id)
    {
        if (_store.Index.Contains(id) || !_claimed.TryAdd(id, 0))
        {
            Interlocked.Increment(ref _counters.BlobsDeduplicated);
            EngineTelemetry.ChunksDeduplicated.Add(1);
            return false;
        }
        Interlocked.Increment(ref _counters.BlobsNew);
        EngineTelemetry.ChunksNew.Add(1);
        return true;
    }

    private ValueTask SaveClaimedAsync(BlobType type, ReadOnlyMemory<byte> data, (BlobId Id, int Offset, int Length)[] blobs, int bytes, CancellationToken cancellationToken)
    {
        // Handing small blobs to another thread costs more than sealing them here (200,000 small files: a third
        // of the CPU went to waking and parking threads); the callers already run one per core.
        // A caller that finds the sealers busy seals the blobs itself rather than waiting for them.
        if (bytes <= InlineSealLimit || _queue.Reader.Count >= _queueCapacity) return SealAllAsync(type, data, blobs, cancellationToken);
        var copy = EngineBuffers.Pool.Rent(bytes);
        var packed = new (BlobId Id, int Offset, int Length)[blobs.Length];
        var at = 0;
        for (var i = 0; i < blobs.Length; i++)
        {
            data.Span.Slice(blobs[i].Offset, blobs[i].Length).CopyTo(copy.AsSpan(at));
            packed[i] = (blobs[i].Id, at, blobs[i].Length);
            at += blobs[i].Length;
        }
        var pending = new PendingBlobs(type, copy, packed);
        return _queue.Writer.TryWrite(pending) ? ValueTask.CompletedTask : SealCopyAsync(pending, cancellationToken);
    }

    private async ValueTask SealAllAsync(BlobType type, ReadOnlyMemory<byte> data, (BlobId Id, int Offset, int Length)[] blobs, CancellationToken cancellationToken)
    {
        foreach (var (id, offset, length) in blobs) await SealAndAddAsync(id, type, data.Span.Slice(offset, length), cancellationToken);
    }

    private async ValueTask SealCopyAsync(PendingBlobs pending, CancellationToken cancellationToken)
    {
        try
        {
            await SealAllAsync(pending.Type, pending.Buffer, pending.Blobs, cancellationToken);
        }
        finally
        {
            EngineBuffers.Pool.Return(pending.Buffer);
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

    /// <summary>
    /// Ends a failed run: waits until no sealer or uploader still works, then frees every pack and buffer they
    /// held. Call it after the callers of SaveAsync have stopped. A sealer still compressing when the repository
    /// is disposed would use freed zstd and AES contexts (the heap corruption a failed backup once caused).
    /// </summary>
    public async Task AbortAsync(Exception reason)
    {
        _queue.Writer.TryComplete(reason);
        await PipelineFailure.WhenEndedAsync(_sealers);
        while (_queue.Reader.TryRead(out var pending)) EngineBuffers.Pool.Return(pending.Buffer);
        await _uploader.AbortAsync(reason);
        lock (_packs)
        {
            for (var i = 0; i < _packs.Length; i++)
            {
                _packs[i]?.Dispose();
                _packs[i] = null;
            }
        }
    }

    private async Task SealLoopAsync(CancellationToken cancellationToken)
    {
        await foreach (var pending in _queue.Reader.ReadAllAsync(cancellationToken)) await SealCopyAsync(pending, cancellationToken);
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

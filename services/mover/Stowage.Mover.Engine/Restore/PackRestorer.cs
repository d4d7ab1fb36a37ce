using System.Buffers;
using System.Collections.Concurrent;
using Stowage.Mover.Engine.Backup;
using Stowage.Mover.Engine.Repository;
using Stowage.Mover.Engine.Telemetry;

namespace Stowage.Mover.Engine.Restore;

/// <summary>
/// Reads the needed blobs of one pack in segments of neighbouring blobs (one request each, bounded memory),
/// verifies each blob and writes it to every file that uses it.
/// </summary>
internal static class PackRestorer
{
    private const long SegmentLimit = 4 * 1024 * 1024;

    public static async Task RestoreAsync(RepositoryStore store, BlobId pack, Dictionary<BlobId, RestorePlan.BlobTargets> blobs,
        BackupCounters counters, ConcurrentDictionary<string, string> failures, CancellationToken cancellationToken)
    {
        var ordered = blobs.Values.OrderBy(b => b.Entry.Offset).ToList();
        for (var start = 0; start < ordered.Count;)
        {
            var end = start + 1;
            long first = ordered[start].Entry.Offset;
            while (end < ordered.Count && ordered[end].Entry.Offset + (long)ordered[end].Entry.Length - first <= SegmentLimit) end++;
            await RestoreSegmentAsync(store, pack, ordered, start, end, counters, failures, cancellationToken);
            start = end;
        }
    }

    private static async Task RestoreSegmentAsync(RepositoryStore store, BlobId pack, List<RestorePlan.BlobTargets> ordered, int start, int end,
        BackupCounters counters, ConcurrentDictionary<string, string> failures, CancellationToken cancellationToken)
    {
        long first = ordered[start].Entry.Offset;
        var length = (int)(ordered[end - 1].Entry.Offset + ordered[end - 1].Entry.Length - first);
        var buffer = EngineBuffers.Pool.Rent(length);
        try
        {
            try
            {
                await store.Backend.ReadRangeAsync(RepositoryLayout.Pack(pack), first, buffer.AsMemory(0, length), cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                for (var i = start; i < end; i++) Fail(ordered[i], $"pack {pack.ToShortString()} unreadable: {e.Message}", failures);
                return;
            }
            for (var i = start; i < end; i++) WriteBlob(store, pack, ordered[i], buffer.AsSpan((int)(ordered[i].Entry.Offset - first), (int)ordered[i].Entry.Length), counters, failures);
        }
        finally
        {
            EngineBuffers.Pool.Return(buffer);
        }
    }

    private static void WriteBlob(RepositoryStore store, BlobId pack, RestorePlan.BlobTargets blob, ReadOnlySpan<byte> sealedBlob,
        BackupCounters counters, ConcurrentDictionary<string, string> failures)
    {
        var plain = EngineBuffers.Pool.Rent((int)blob.Entry.RawLength);
        try
        {
            var length = store.Keys.Blobs.Open(blob.Entry, sealedBlob, plain, $"pack {pack.ToShortString()}");
            foreach (var (file, offset) in blob.Targets)
            {
                using var handle = File.OpenHandle(file.Path, FileMode.Open, FileAccess.Write);
                RandomAccess.Write(handle, plain.AsSpan(0, length), offset);
                Interlocked.Add(ref counters.BytesDone, length);
            }
            EngineTelemetry.BytesRestored.Add(length * blob.Targets.Count);
        }
        catch (RepositoryDamagedException e)
        {
            Fail(blob, e.Message, failures);
        }
        finally
        {
            EngineBuffers.Pool.Return(plain);
        }
    }

    private static void Fail(RestorePlan.BlobTargets blob, string reason, ConcurrentDictionary<string, string> failures)
    {
        foreach (var (file, _) in blob.Targets) failures.TryAdd(file.DisplayPath, reason);
    }
}

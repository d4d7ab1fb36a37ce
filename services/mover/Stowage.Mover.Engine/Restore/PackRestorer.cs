using System.Buffers;
using System.Collections.Concurrent;
using Stowage.Mover.Engine.Backup;
using Stowage.Mover.Engine.FileSystem;
using Stowage.Mover.Engine.Repository;
using Stowage.Mover.Engine.Telemetry;

namespace Stowage.Mover.Engine.Restore;

/// <summary>
/// Reads the needed blobs of one pack in segments of neighbouring blobs (bounded memory; one request for the pack),
/// verifies each blob and writes it to every file that uses it.
/// </summary>
internal static class PackRestorer
{
    private const long SegmentLimit = 2 * 1024 * 1024;

    public static async Task RestoreAsync(RepositoryStore store, RestoreOutput output, BlobId pack, Dictionary<BlobId, RestorePlan.BlobTargets> blobs,
        BackupCounters counters, ConcurrentDictionary<string, string> failures, CancellationToken cancellationToken)
    {
        var ordered = blobs.Values.OrderBy(b => b.Entry.Offset).ToList();
        var segments = Segments(ordered);
        await using var reader = new PackSegmentReader(store.Backend, RepositoryLayout.Pack(pack), segments.Select(s => s.Range).ToList());
        using var files = new OpenFiles(output.Target);
        using var run = new RunWriter(files);
        var writer = new BlobWriter(store, output, files, run, $"pack {pack.ToShortString()}", counters, failures);
        // The next segment downloads while this one is decrypted and written, so the object store's latency
        // does not leave the processors idle.
        Task<byte[]?>? next = ReadSegmentAsync(reader, 0, pack, ordered, segments[0], failures, cancellationToken);
        try
        {
            for (var i = 0; next is not null; i++)
            {
                var buffer = await next;
                next = i + 1 < segments.Count ? ReadSegmentAsync(reader, i + 1, pack, ordered, segments[i + 1], failures, cancellationToken) : null;
                if (buffer is null) continue;
                try
                {
                    var (start, end) = segments[i].Blobs;
                    long first = ordered[start].Entry.Offset;
                    for (var b = start; b < end; b++)
                        writer.Write(ordered[b], buffer.AsSpan((int)(ordered[b].Entry.Offset - first), (int)ordered[b].Entry.Length));
                }
                finally
                {
                    EngineBuffers.Pool.Return(buffer);
                }
            }
            run.Flush();
        }
        finally
        {
            // Cancelled, or a write failed: let the read in flight finish before the reader closes, and keep its buffer.
            if (next is not null) await ReturnWhenReadAsync(next);
        }
    }

    private static async Task ReturnWhenReadAsync(Task<byte[]?> pending)
    {
        try
        {
            if (await pending is { } buffer) EngineBuffers.Pool.Return(buffer);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private readonly record struct Segment((int Start, int End) Blobs, (long Offset, int Length) Range);

    /// <summary>Runs of neighbouring blobs, each at most SegmentLimit long (a single larger blob is its own run).</summary>
    private static List<Segment> Segments(List<RestorePlan.BlobTargets> ordered)
    {
        var segments = new List<Segment>();
        for (var start = 0; start < ordered.Count;)
        {
            var end = start + 1;
            long first = ordered[start].Entry.Offset;
            while (end < ordered.Count && ordered[end].Entry.Offset + (long)ordered[end].Entry.Length - first <= SegmentLimit) end++;
            var length = (int)(ordered[end - 1].Entry.Offset + ordered[end - 1].Entry.Length - first);
            segments.Add(new Segment((start, end), (first, length)));
            start = end;
        }
        return segments;
    }

    /// <summary>Reads one run of blobs into a rented buffer; null (with the blobs' files marked failed) when the read fails.</summary>
    private static async Task<byte[]?> ReadSegmentAsync(PackSegmentReader reader, int index, BlobId pack, List<RestorePlan.BlobTargets> ordered,
        Segment segment, ConcurrentDictionary<string, string> failures, CancellationToken cancellationToken)
    {
        var buffer = EngineBuffers.Pool.Rent(segment.Range.Length);
        try
        {
            await reader.ReadAsync(index, buffer, cancellationToken);
            return buffer;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            EngineBuffers.Pool.Return(buffer);
            for (var i = segment.Blobs.Start; i < segment.Blobs.End; i++) Fail(ordered[i], $"pack {pack.ToShortString()} unreadable: {e.Message}", failures);
            return null;
        }
    }

    internal static void Fail(RestorePlan.BlobTargets blob, string reason, ConcurrentDictionary<string, string> failures)
    {
        foreach (var (file, _) in blob.Targets) failures.TryAdd(file.Path, reason);
    }
}

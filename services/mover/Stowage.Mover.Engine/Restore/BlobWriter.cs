using System.Collections.Concurrent;
using Stowage.Mover.Engine.Backup;
using Stowage.Mover.Engine.Repository;
using Stowage.Mover.Engine.Telemetry;

namespace Stowage.Mover.Engine.Restore;

/// <summary>
/// Opens (decrypts, decompresses, verifies) one pack's blobs and writes each to every file that uses it: a blob
/// with one target goes into the file's run (<see cref="RunWriter"/>), one file of one blob is created, written and
/// given its metadata at once, and a blob used in several places is written to each.
/// </summary>
internal sealed class BlobWriter(RepositoryStore store, RestoreOutput output, OpenFiles files, RunWriter run, string where,
    BackupCounters counters, ConcurrentDictionary<string, string> failures)
{
    public void Write(RestorePlan.BlobTargets blob, Span<byte> sealedBlob)
    {
        try
        {
            var raw = (int)blob.Entry.RawLength;
            if (blob.Targets is [var (file, offset)] && !RestorePlan.IsSingleBlob(file) && raw <= RunWriter.Capacity)
            {
                run.Commit(Count(store.Keys.Blobs.OpenInPlace(blob.Entry, sealedBlob, run.Reserve(file, offset, raw), where), 1));
                return;
            }
            WriteEach(blob, sealedBlob, raw);
        }
        catch (RepositoryDamagedException e)
        {
            PackRestorer.Fail(blob, e.Message, failures);
        }
    }

    private void WriteEach(RestorePlan.BlobTargets blob, Span<byte> sealedBlob, int raw)
    {
        var plain = EngineBuffers.Pool.Rent(raw);
        try
        {
            var length = store.Keys.Blobs.OpenInPlace(blob.Entry, sealedBlob, plain, where);
            foreach (var (file, offset) in blob.Targets)
            {
                if (RestorePlan.IsSingleBlob(file))
                {
                    using var whole = output.Target.CreateFile(file.Path);
                    RandomAccess.Write(whole, plain.AsSpan(0, length), offset);
                    output.Metadata.ApplyTo(whole, file);
                }
                else files.Write(file, plain.AsSpan(0, length), offset);
            }
            Count(length, blob.Targets.Count);
        }
        finally
        {
            EngineBuffers.Pool.Return(plain);
        }
    }

    private int Count(int length, int targets)
    {
        Interlocked.Add(ref counters.BytesDone, (long)length * targets);
        EngineTelemetry.BytesRestored.Add((long)length * targets);
        return length;
    }
}

using System.Collections.Concurrent;
using Stowage.Mover.Engine.Backup;
using Stowage.Mover.Engine.Repository;

namespace Stowage.Mover.Engine.Restore;

/// <summary>
/// Writes one planned batch: reads each of its packs once, a few packs at a time, then links hard links and sets
/// metadata. Stops the restore at the first batch with failures, naming the files.
/// </summary>
internal sealed class RestoreBatchWriter(RepositoryStore store, RestoreOutput output, int packReaders, BackupCounters counters, CancellationToken cancellationToken)
{
    public long Files { get; private set; }
    public long Directories { get; private set; }
    public long Bytes { get; private set; }
    public int Batches { get; private set; }

    public async Task WriteAsync(RestorePlan plan)
    {
        Batches++;
        Interlocked.Add(ref counters.FilesTotal, plan.Files.Count);
        Interlocked.Add(ref counters.BytesTotal, plan.Bytes);
        var failures = new ConcurrentDictionary<string, string>();
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, packReaders), CancellationToken = cancellationToken };
        // Largest first, so the last packs to finish are small ones and no reader is left alone at the end.
        var packs = plan.Packs.OrderByDescending(p => p.Value.Values.Sum(b => (long)b.Entry.Length));
        await Parallel.ForEachAsync(packs, options, async (pack, ct) =>
            await PackRestorer.RestoreAsync(store, output, pack.Key, pack.Value, counters, failures, ct));
        if (!failures.IsEmpty)
        {
            var files = failures.Keys.Order(StringComparer.Ordinal).ToList();
            throw new RepositoryDamagedException(
                $"Restore failed for {files.Count} file(s): {string.Join(", ", files.Take(10).Select(f => $"'{f}'"))}{(files.Count > 10 ? ", ..." : "")}. " +
                $"Cause: {failures.Values.First()}");
        }
        foreach (var (existing, link) in plan.HardLinks) CreateHardLink(existing, link.Path);
        output.Metadata.Apply(plan);
        Files += plan.Files.Count + plan.HardLinks.Count;
        Directories += plan.Directories.Count;
        Bytes += plan.Bytes;
    }

    private void CreateHardLink(string existing, string link)
    {
        using var existingDirectory = output.Target.OpenParent(existing, out var existingName);
        using var directory = output.Target.OpenParent(link, out var name);
        directory.CreateHardLink(existingDirectory, existingName, name, link);
    }
}

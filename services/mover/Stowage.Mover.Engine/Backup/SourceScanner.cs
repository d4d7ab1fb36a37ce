using System.IO.Enumeration;

namespace Stowage.Mover.Engine.Backup;

/// <summary>Counts files and bytes ahead of the backup so progress can show totals and an ETA.</summary>
internal static class SourceScanner
{
    private static readonly EnumerationOptions Options = new() { AttributesToSkip = 0, IgnoreInaccessible = true, RecurseSubdirectories = true };

    public static void Scan(string root, BackupCounters counters, CancellationToken cancellationToken)
    {
        var sizes = new FileSystemEnumerable<long>(root, (ref FileSystemEntry entry) => entry.Length, Options)
        {
            ShouldIncludePredicate = (ref FileSystemEntry entry) => !entry.IsDirectory && (entry.Attributes & FileAttributes.ReparsePoint) == 0,
            ShouldRecursePredicate = (ref FileSystemEntry entry) => (entry.Attributes & FileAttributes.ReparsePoint) == 0,
        };
        foreach (var size in sizes)
        {
            if (cancellationToken.IsCancellationRequested) return;
            Interlocked.Increment(ref counters.FilesTotal);
            Interlocked.Add(ref counters.BytesTotal, size);
        }
        counters.ScanComplete = true;
    }
}

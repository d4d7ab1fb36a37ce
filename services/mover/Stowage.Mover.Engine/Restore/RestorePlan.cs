using Stowage.Mover.Engine.Packs;
using Stowage.Mover.Engine.Snapshots;

namespace Stowage.Mover.Engine.Restore;

/// <summary>
/// One batch of a restore: what it writes, grouped by pack so each pack is read once per batch. A restore plans
/// and writes a batch at a time, so its memory is bounded by the batch, not by the snapshot's file count.
/// Directories are listed once their whole subtree is planned, deepest first, for their metadata. Every path is
/// relative to the <see cref="RestoreTarget"/>.
/// </summary>
internal sealed class RestorePlan
{
    /// <summary>A file to write; Path is relative to the restore target, "/"-separated.</summary>
    public sealed record FileTarget(string Path, TreeNode Node);
    public sealed record BlobTargets(PackEntry Entry, List<(FileTarget File, long Offset)> Targets);

    public Dictionary<BlobId, Dictionary<BlobId, BlobTargets>> Packs { get; } = [];
    public List<FileTarget> Files { get; } = [];
    public List<(string Path, TreeNode Node)> Symlinks { get; } = [];
    public List<(string Path, TreeNode Node)> Directories { get; } = [];
    public List<(string Existing, FileTarget Link)> HardLinks { get; } = [];
    public long Bytes { get; set; }

    /// <summary>Blob writes planned.</summary>
    public int Blobs { get; private set; }

    /// <summary>Entries planned, to bound the batch.</summary>
    public int Count => Files.Count + Symlinks.Count + Directories.Count + HardLinks.Count;

    /// <summary>
    /// What the plan holds in memory, estimated, to bound the batch: each entry's path and tree node (its names and
    /// content ids as strings), each blob's targets. About 800 bytes for a file of one blob.
    /// </summary>
    public long EstimatedBytes { get; private set; }

    // Objects and strings of .NET: a string is 22 bytes and 2 per character; a content id is a 64-character string.
    private const int EntryBytes = 200, CharBytes = 2, ContentIdBytes = 160, BlobBytes = 260, TargetBytes = 24;

    /// <summary>Counts an entry added to one of the lists.</summary>
    public void Estimate(string path, TreeNode node) =>
        EstimatedBytes += EntryBytes + CharBytes * (path.Length + node.Name.Length + (node.LinkTarget?.Length ?? 0))
            + ContentIdBytes * ((node.Content?.Count ?? 0) + (node.ContentLists?.Count ?? 0));

    /// <summary>Whether the file's whole content is one blob, written by a single write.</summary>
    public static bool IsSingleBlob(FileTarget file) => file.Node.Content is { Count: 1 };

    public void Clear()
    {
        Packs.Clear();
        Files.Clear();
        Symlinks.Clear();
        Directories.Clear();
        HardLinks.Clear();
        Bytes = 0;
        Blobs = 0;
        EstimatedBytes = 0;
    }

    public void Add(BlobId pack, PackEntry entry, FileTarget file, long offset)
    {
        if (!Packs.TryGetValue(pack, out var blobs)) Packs[pack] = blobs = [];
        if (!blobs.TryGetValue(entry.Id, out var targets))
        {
            blobs[entry.Id] = targets = new BlobTargets(entry, []);
            EstimatedBytes += BlobBytes;
        }
        targets.Targets.Add((file, offset));
        EstimatedBytes += TargetBytes;
        Blobs++;
    }
}

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
    }

    public void Add(BlobId pack, PackEntry entry, FileTarget file, long offset)
    {
        if (!Packs.TryGetValue(pack, out var blobs)) Packs[pack] = blobs = [];
        if (!blobs.TryGetValue(entry.Id, out var targets)) blobs[entry.Id] = targets = new BlobTargets(entry, []);
        targets.Targets.Add((file, offset));
        Blobs++;
    }
}

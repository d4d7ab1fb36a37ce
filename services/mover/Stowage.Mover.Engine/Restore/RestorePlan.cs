using Stowage.Mover.Engine.Packs;
using Stowage.Mover.Engine.Snapshots;

namespace Stowage.Mover.Engine.Restore;

/// <summary>Everything a restore will write, grouped by pack so each pack is read once.</summary>
internal sealed class RestorePlan
{
    public sealed record FileTarget(string Path, string DisplayPath, TreeNode Node);
    public sealed record BlobTargets(PackEntry Entry, List<(FileTarget File, long Offset)> Targets);

    public Dictionary<BlobId, Dictionary<BlobId, BlobTargets>> Packs { get; } = [];
    public List<FileTarget> Files { get; } = [];
    public List<(string Path, TreeNode Node)> Symlinks { get; } = [];
    public List<(string Path, TreeNode Node)> Directories { get; } = [];
    public List<(string Existing, FileTarget Link)> HardLinks { get; } = [];
    public Dictionary<(ulong Device, ulong Inode), string> FirstLinks { get; } = [];
    public long Bytes { get; set; }

    /// <summary>Whether the file's whole content is one blob, written by a single write.</summary>
    public static bool IsSingleBlob(FileTarget file) => file.Node.Content is { Count: 1 };

    public void Add(BlobId pack, PackEntry entry, FileTarget file, long offset)
    {
        if (!Packs.TryGetValue(pack, out var blobs)) Packs[pack] = blobs = [];
        if (!blobs.TryGetValue(entry.Id, out var targets)) blobs[entry.Id] = targets = new BlobTargets(entry, []);
        targets.Targets.Add((file, offset));
    }
}

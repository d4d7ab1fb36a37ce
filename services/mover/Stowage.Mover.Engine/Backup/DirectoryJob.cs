using Stowage.Mover.Engine.Snapshots;

namespace Stowage.Mover.Engine.Backup;

/// <summary>
/// A directory being backed up. It is stored as a tree blob once all its entries are done; Pending counts
/// unfinished entries plus one for the walk itself, so the last finisher, on whatever thread, stores it.
/// </summary>
internal sealed class DirectoryJob(string path, TreeNode node, DirectoryJob? parent, int slot)
{
    private int _pending = 1;

    public string Path { get; } = path;
    public TreeNode Node { get; } = node;
    public DirectoryJob? Parent { get; } = parent;
    public int Slot { get; } = slot;
    public TreeNode?[] Entries { get; private set; } = [];

    public void Expect(int entries)
    {
        Entries = new TreeNode?[entries];
        Interlocked.Add(ref _pending, entries);
    }

    /// <summary>Records a finished entry (null when it was skipped); true when the directory is complete.</summary>
    public bool Finish(int slot, TreeNode? entry)
    {
        Entries[slot] = entry;
        return Interlocked.Decrement(ref _pending) == 0;
    }

    /// <summary>Marks the walk of this directory done; true when the directory is complete.</summary>
    public bool FinishWalk() => Interlocked.Decrement(ref _pending) == 0;
}

/// <summary>A regular file (or the block device changed-block tracking names: BlockDevice) waiting to be read and
/// chunked; Tracked when changed-block tracking covers it, with its node in the parent snapshot as Parent (none for
/// allocated ranges).</summary>
internal sealed record FileJob(string Path, TreeNode Node, DirectoryJob Directory, int Slot, bool Tracked = false, TreeNode? Parent = null,
    bool BlockDevice = false);

using Microsoft.Win32.SafeHandles;
using Stowage.Mover.Engine.FileSystem;
using Stowage.Mover.Engine.Repository;
using Stowage.Mover.Engine.Snapshots;

namespace Stowage.Mover.Engine.Restore;

/// <summary>
/// Walks the snapshot's trees, creates directories, symlinks and empty files, and plans the data writes; each
/// time the plan holds batchLimit entries, or about batchBytes of memory, it is handed to runBatch (which writes
/// it) and starts again empty, so a batch exceeds its bound by at most the entry that reached it.
/// Entries are created by name in directories the walk holds open (one per level of the tree), so nothing the
/// target held before, a link included, is ever written through; trees are checked as they are read.
/// </summary>
internal sealed class RestorePlanner(RepositoryStore store, RestoreTarget target, int batchLimit, long batchBytes, Func<RestorePlan, Task> runBatch)
{
    /// <summary>Blob writes planned per batch, at most (about 100 bytes each).</summary>
    public const int BlobLimit = 256 * 1024;
    private readonly RestorePlan _plan = new();
    private readonly Dictionary<(ulong Device, ulong Inode), string> _firstLinks = [];

    /// <summary>Writes what is planned and not yet written.</summary>
    public async Task FlushAsync()
    {
        if (_plan.Count == 0 && _plan.Blobs == 0) return;
        await runBatch(_plan);
        _plan.Clear();
    }

    /// <summary>Plans a whole snapshot: the root directory's entries go straight into the target.</summary>
    public async Task AddRootAsync(TreeNode root, CancellationToken cancellationToken)
    {
        await AddEntriesAsync(root, target.Root, "", cancellationToken);
        await AddDirectoryAsync("", root);
    }

    /// <summary>Plans one entry (a sub-path restore's start) as a child of the target.</summary>
    public Task AddAsync(TreeNode node, CancellationToken cancellationToken) =>
        AddAsync(node, target.Root, TreeEntryNames.Check(node.Name, null, ""), "", cancellationToken);

    private async Task AddAsync(TreeNode node, DirectoryHandle parent, string name, string parentPath, CancellationToken cancellationToken)
    {
        var path = parentPath.Length == 0 ? name : parentPath + "/" + name;
        switch (node.Type)
        {
            case TreeNode.Directory:
                using (var directory = parent.CreateDirectory(name, path)) await AddEntriesAsync(node, directory, path, cancellationToken);
                await AddDirectoryAsync(path, node);
                break;
            case TreeNode.Symlink:
                parent.CreateSymlink(name, node.LinkTarget ?? "", path);
                _plan.Symlinks.Add((path, node));
                _plan.Estimate(path, node);
                await FlushIfFullAsync();
                break;
            case TreeNode.File:
                await AddFileAsync(new RestorePlan.FileTarget(path, node), parent, name, cancellationToken);
                _plan.Estimate(path, node);
                await FlushIfFullAsync();
                break;
        }
    }

    private async Task AddEntriesAsync(TreeNode node, DirectoryHandle directory, string path, CancellationToken cancellationToken)
    {
        if (node.Subtree is not { } subtree) return;
        var tree = await store.LoadTreeAsync(BlobId.Parse(subtree), cancellationToken);
        store.Trees.PrefetchChildren(tree, cancellationToken);
        string? previous = null;
        for (var i = 0; i < tree.Nodes.Count; i++)
        {
            var child = tree.Nodes[i];
            var name = TreeEntryNames.Check(child.Name, previous, path);
            previous = name;
            if (child.Type == TreeNode.Directory) store.Trees.PrefetchAfter(tree, i, cancellationToken);
            await AddAsync(child, directory, name, path, cancellationToken);
        }
    }

    private async Task AddDirectoryAsync(string path, TreeNode node)
    {
        _plan.Directories.Add((path, node));
        _plan.Estimate(path, node);
        await FlushIfFullAsync();
    }

    private Task FlushIfFullAsync() => _plan.Count >= batchLimit || _plan.EstimatedBytes >= batchBytes ? FlushAsync() : Task.CompletedTask;

    private async Task AddFileAsync(RestorePlan.FileTarget file, DirectoryHandle parent, string name, CancellationToken cancellationToken)
    {
        if (file.Node.IsHardLinked)
        {
            var key = (file.Node.Device, file.Node.Inode);
            // Only ever to a file this restore wrote: the first one of the inode.
            if (_firstLinks.TryGetValue(key, out var first))
            {
                _plan.HardLinks.Add((first, file));
                return;
            }
            _firstLinks[key] = file.Path;
        }
        // A file of one blob is created by the thread that writes that blob (in parallel, one open); others are
        // created (replacing whatever held the name) here, before any thread writes a part of them.
        using var created = RestorePlan.IsSingleBlob(file) ? null : parent.CreateFile(name, file.Path);
        long offset = 0;
        foreach (var hex in file.Node.Content ?? []) offset = Plan(file, BlobId.Parse(hex), offset);
        Reserve(created, 0, offset);
        foreach (var hex in file.Node.ContentLists ?? [])
        {
            var start = offset;
            foreach (var id in await store.Trees.LoadContentListAsync(BlobId.Parse(hex), cancellationToken)) offset = Plan(file, id, offset);
            Reserve(created, start, offset);
            // A file in blocks may hold millions of them: its writes are spread over batches of bounded size,
            // and it joins the batch of its last blocks, which sets its metadata.
            if (_plan.Blobs >= BlobLimit || _plan.EstimatedBytes >= batchBytes) await FlushAsync();
        }
        _plan.Files.Add(file);
    }

    /// <summary>
    /// Reserves the blocks of the bytes just planned, before they are written: ext4 then allocates a large file in
    /// long extents instead of page by page as the writes arrive (half the kernel time of writing a fresh 1.6 GiB
    /// file here). The range is what the blobs hold, never the size a tree claims.
    /// </summary>
    private static void Reserve(SafeFileHandle? file, long start, long end)
    {
        if (file is not null) LinuxFileCalls.Preallocate(file, start, end - start);
    }

    /// <summary>Plans the blob's write at offset and returns the offset after it.</summary>
    private long Plan(RestorePlan.FileTarget file, BlobId id, long offset)
    {
        if (!store.Index.TryFind(id, out var pack, out var entry))
            throw new RepositoryDamagedException($"Restore of '{file.Path}' is impossible: blob {id.ToShortString()} is missing from the repository.");
        _plan.Add(pack, entry, file, offset);
        _plan.Bytes += entry.RawLength;
        return offset + entry.RawLength;
    }
}

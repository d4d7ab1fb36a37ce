using System.IO.Enumeration;
using System.Text.Json;
using Stowage.Mover.Engine.FileSystem;
using Stowage.Mover.Engine.Repository;
using Stowage.Mover.Engine.Snapshots;

namespace Stowage.Mover.Engine.Backup;

/// <summary>
/// Walks the source depth-first on one thread: unchanged files are taken from the parent snapshot's trees,
/// others are queued for the file readers; each directory's tree blob is stored when its last entry finishes.
/// </summary>
internal sealed class TreeWalker(RepositoryStore store, BlobSaver saver, BackupCounters counters, FileBatcher files, List<string> warnings,
    ChangedBlockSource? changes = null)
{
    private static readonly EnumerationOptions ListOptions = new() { AttributesToSkip = 0, IgnoreInaccessible = false, RecurseSubdirectories = false };

    public TaskCompletionSource<BlobId> RootTree { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task WalkAsync(DirectoryJob directory, Tree? previous, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref counters.Directories);
        if (previous is not null) store.Trees.PrefetchChildren(previous, cancellationToken);
        var names = ListNames(directory.Path);
        directory.Expect(names.Length);
        for (var slot = 0; slot < names.Length; slot++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var name = names[slot];
            var path = Path.Join(directory.Path, name);
            UnixFileStatus status;
            try
            {
                status = UnixFileStatus.Get(path);
            }
            catch (IOException e)
            {
                Warn(e.Message);
                await FinishEntryAsync(directory, slot, null, cancellationToken);
                continue;
            }
            if (status.IsDirectory)
            {
                var child = new DirectoryJob(path, TreeNodeFactory.Create(name, TreeNode.Directory, status), directory, slot);
                var at = previous?.IndexOf(name) ?? -1;
                if (at >= 0) store.Trees.PrefetchAfter(previous!, at, cancellationToken);
                await WalkAsync(child, await LoadPreviousAsync(at >= 0 ? previous!.Nodes[at] : null, cancellationToken), cancellationToken);
            }
            else if (status.IsSymlink)
            {
                var node = TreeNodeFactory.Create(name, TreeNode.Symlink, status, linkTarget: new FileInfo(path).LinkTarget ?? "");
                await FinishEntryAsync(directory, slot, node, cancellationToken);
            }
            else if (status.IsRegularFile)
            {
                Interlocked.Increment(ref counters.Files);
                var old = previous?.Find(name);
                if (TreeNodeFactory.IsUnchanged(old, status, saver.Has))
                {
                    Interlocked.Increment(ref counters.FilesUnchanged);
                    Interlocked.Increment(ref counters.FilesDone);
                    Interlocked.Add(ref counters.BytesDone, status.Size);
                    await FinishEntryAsync(directory, slot, TreeNodeFactory.Unchanged(name, status, old!), cancellationToken);
                }
                else
                {
                    var (tracked, parent) = changes is not null && changes.AppliesTo(path) ? changes.Track(old, path) : (false, null);
                    await files.AddAsync(new FileJob(path, TreeNodeFactory.Create(name, TreeNode.File, status), directory, slot, tracked, parent), status.Size, cancellationToken);
                }
            }
            else if (status.IsBlockDevice && changes is not null && changes.AppliesTo(path) && BlockDeviceNode(name, path, status) is { } device)
            {
                Interlocked.Increment(ref counters.Files);
                var (tracked, parent) = changes.Track(previous?.Find(name), path);
                await files.AddAsync(new FileJob(path, device, directory, slot, tracked, parent, BlockDevice: true), device.Size, cancellationToken);
            }
            else
            {
                Warn($"'{path}' is a device, socket or pipe; skipped.");
                await FinishEntryAsync(directory, slot, null, cancellationToken);
            }
        }
        if (directory.FinishWalk()) await StoreDirectoryAsync(directory, cancellationToken);
    }

    /// <summary>Called by whoever finishes an entry; stores the directory (and possibly its parents) when it completes.</summary>
    public async Task FinishEntryAsync(DirectoryJob directory, int slot, TreeNode? entry, CancellationToken cancellationToken)
    {
        if (directory.Finish(slot, entry)) await StoreDirectoryAsync(directory, cancellationToken);
    }

    /// <summary>A block-mode volume's device, stored as a file of its content (never taken as unchanged: a device
    /// node's time and inode say nothing of what it holds).</summary>
    private TreeNode? BlockDeviceNode(string name, string path, UnixFileStatus status)
    {
        var node = TreeNodeFactory.Create(name, TreeNode.File, status);
        try
        {
            using var handle = ListedFile.Open(path, node, blockDevice: true);
            node.Size = LinuxFileCalls.BlockDeviceSize(handle, path);
            return node;
        }
        catch (IOException e)
        {
            Warn(e.Message);
            return null;
        }
    }

    public void Warn(string message)
    {
        lock (warnings) warnings.Add(message);
    }

    private async Task StoreDirectoryAsync(DirectoryJob directory, CancellationToken cancellationToken)
    {
        var tree = new Tree { Nodes = directory.Entries.OfType<TreeNode>().ToList() };
        BlobId id;
        using (var bytes = new PooledBufferWriter())
        {
            using (var json = new Utf8JsonWriter(bytes)) JsonSerializer.Serialize(json, tree, EngineJsonContext.Default.Tree);
            id = store.Keys.IdHasher.Hash(bytes.WrittenMemory.Span);
            await saver.SaveAsync(id, BlobType.Tree, bytes.WrittenMemory, cancellationToken);
        }
        directory.Node.Subtree = id.ToString();
        if (directory.Parent is null) RootTree.TrySetResult(id);
        else await FinishEntryAsync(directory.Parent, directory.Slot, directory.Node, cancellationToken);
    }

    private async Task<Tree?> LoadPreviousAsync(TreeNode? previous, CancellationToken cancellationToken)
    {
        if (previous is not { Type: TreeNode.Directory, Subtree: { } subtree } || !BlobId.TryParse(subtree, out var id)) return null;
        try
        {
            return await store.LoadTreeAsync(id, cancellationToken);
        }
        catch (RepositoryDamagedException e)
        {
            Warn($"Parent tree of '{previous.Name}' unreadable ({e.Message}); its files are read again.");
            return null;
        }
    }

    private string[] ListNames(string path)
    {
        try
        {
            var names = new FileSystemEnumerable<string>(path, (ref FileSystemEntry entry) => entry.FileName.ToString(), ListOptions).ToArray();
            Array.Sort(names, StringComparer.Ordinal);
            return names;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Warn($"Cannot list '{path}': {e.Message}");
            return [];
        }
    }
}

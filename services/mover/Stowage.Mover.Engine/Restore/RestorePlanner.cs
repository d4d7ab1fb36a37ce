using Stowage.Mover.Engine.Repository;
using Stowage.Mover.Engine.Snapshots;

namespace Stowage.Mover.Engine.Restore;

/// <summary>
/// Walks the snapshot's trees, creates directories, symlinks and empty files, and plans the data writes; each
/// time the plan holds batchLimit entries it is handed to runBatch (which writes it) and starts again empty.
/// </summary>
internal sealed class RestorePlanner(RepositoryStore store, int batchLimit, Func<RestorePlan, Task> runBatch)
{
    private readonly RestorePlan _plan = new();
    private readonly Dictionary<(ulong Device, ulong Inode), string> _firstLinks = [];

    /// <summary>Writes what is planned and not yet written.</summary>
    public async Task FlushAsync()
    {
        if (_plan.Count == 0) return;
        await runBatch(_plan);
        _plan.Clear();
    }

    public async Task AddAsync(TreeNode node, string targetPath, string displayPath, CancellationToken cancellationToken)
    {
        switch (node.Type)
        {
            case TreeNode.Directory:
                Directory.CreateDirectory(targetPath);
                if (node.Subtree is { } subtree)
                {
                    var tree = await store.LoadTreeAsync(BlobId.Parse(subtree), cancellationToken);
                    store.Trees.PrefetchChildren(tree, cancellationToken);
                    for (var i = 0; i < tree.Nodes.Count; i++)
                    {
                        var child = tree.Nodes[i];
                        if (child.Type == TreeNode.Directory) store.Trees.PrefetchAfter(tree, i, cancellationToken);
                        await AddAsync(child, Path.Join(targetPath, SafeName(child.Name)), displayPath.Length == 0 ? child.Name : displayPath + "/" + child.Name, cancellationToken);
                    }
                }
                _plan.Directories.Add((targetPath, node));
                if (_plan.Count >= batchLimit) await FlushAsync();
                break;
            case TreeNode.Symlink:
                if (File.Exists(targetPath) || Directory.Exists(targetPath)) File.Delete(targetPath);
                File.CreateSymbolicLink(targetPath, node.LinkTarget ?? "");
                _plan.Symlinks.Add((targetPath, node));
                break;
            case TreeNode.File:
                AddFile(new RestorePlan.FileTarget(targetPath, displayPath, node));
                if (_plan.Count >= batchLimit) await FlushAsync();
                break;
        }
    }

    private void AddFile(RestorePlan.FileTarget file)
    {
        if (file.Node.IsHardLinked)
        {
            var key = (file.Node.Device, file.Node.Inode);
            if (_firstLinks.TryGetValue(key, out var first))
            {
                _plan.HardLinks.Add((first, file));
                return;
            }
            _firstLinks[key] = file.Path;
        }
        _plan.Files.Add(file);
        long offset = 0;
        foreach (var hex in file.Node.Content ?? [])
        {
            var id = BlobId.Parse(hex);
            if (!store.Index.TryFind(id, out var pack, out var entry))
                throw new RepositoryDamagedException($"Restore of '{file.DisplayPath}' is impossible: blob {id.ToShortString()} is missing from the repository.");
            _plan.Add(pack, entry, file, offset);
            offset += entry.RawLength;
        }
        _plan.Bytes += offset;
        // A file of one blob is created by the thread that writes that blob (in parallel, one open); others are
        // created (and emptied, if they exist) here, before any thread writes a part of them.
        if (!RestorePlan.IsSingleBlob(file)) File.OpenHandle(file.Path, FileMode.Create, FileAccess.Write).Dispose();
    }

    private static string SafeName(string name) =>
        name is "" or "." or ".." || name.Contains('/') ? throw new RepositoryDamagedException($"A tree holds the unsafe name '{name}'.") : name;
}

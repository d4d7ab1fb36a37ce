using System.Text.Json;
using Stowage.Mover.Engine.Backup;
using Stowage.Mover.Engine.Repository;
using Stowage.Mover.Engine.Snapshots;

namespace Stowage.Mover.Engine.Tests.Support;

/// <summary>
/// An entry of a tree written as an attacker with write access to the bucket would write it: any name, any
/// order, any mode, owner, link target or inode. Content is stored in blobs of at most BlobSize bytes.
/// </summary>
internal sealed record HostileEntry(string Name, string Type)
{
    public const int BlobSize = 64;

    public uint Mode { get; init; } = 0x1A4;
    public uint Uid { get; init; }
    public uint Gid { get; init; }
    public string? LinkTarget { get; init; }
    public byte[] Content { get; init; } = [];
    public IReadOnlyList<HostileEntry> Children { get; init; } = [];
    public ulong Inode { get; init; }
    public uint Links { get; init; } = 1;

    public static HostileEntry File(string name, byte[] content) => new(name, TreeNode.File) { Content = content };

    public static HostileEntry Directory(string name, params HostileEntry[] children) => new(name, TreeNode.Directory) { Mode = 0x1ED, Children = children };

    public static HostileEntry Symlink(string name, string target) => new(name, TreeNode.Symlink) { Mode = 0x1FF, LinkTarget = target };

    public override string ToString() => Type switch
    {
        TreeNode.Directory => $"dir {Show(Name)} [{string.Join(", ", Children)}]",
        TreeNode.Symlink => $"link {Show(Name)} -> {LinkTarget}",
        _ => $"file {Show(Name)} ({Content.Length} B, mode {Convert.ToString(Mode, 8)}, inode {Inode}/{Links})",
    };

    private static string Show(string name) => JsonSerializer.Serialize(name);
}

/// <summary>Writes trees of <see cref="HostileEntry"/> into a repository as a snapshot, bypassing every check a backup makes.</summary>
internal static class HostileSnapshot
{
    public static async Task<string> WriteAsync(StowageRepository repository, IReadOnlyList<HostileEntry> entries, string scratch)
    {
        var store = repository.Store;
        await store.LoadIndexAsync(CancellationToken.None);
        using var failure = new PipelineFailure(CancellationToken.None);
        System.IO.Directory.CreateDirectory(scratch);
        var saver = new BlobSaver(store, new BackupCounters(), new BackupTuning(), scratch, failure);
        var tree = await SaveTreeAsync(store, saver, entries);
        await saver.CompleteAsync(CancellationToken.None);
        var root = new TreeNode { Type = TreeNode.Directory, Mode = 0x1ED, Subtree = tree.ToString() };
        var snapshot = new SnapshotFile(DateTimeOffset.UtcNow, "attacker", "/hostile", [], null, tree.ToString(), root,
            new SnapshotSummary(0, 0, 0, 0, 0, 0, 0, 0));
        var id = await store.WriteSealedFileAsync("snapshot", RepositoryLayout.SnapshotsPrefix,
            JsonSerializer.SerializeToUtf8Bytes(snapshot, EngineJsonContext.Default.SnapshotFile), CancellationToken.None);
        return id.ToString();
    }

    private static async Task<BlobId> SaveTreeAsync(RepositoryStore store, BlobSaver saver, IReadOnlyList<HostileEntry> entries)
    {
        var nodes = new List<TreeNode>();
        foreach (var entry in entries)
        {
            var node = new TreeNode
            {
                Name = entry.Name, Type = entry.Type, Mode = entry.Mode, Uid = entry.Uid, Gid = entry.Gid, MtimeNs = 1_600_000_000_000_000_000,
                Size = entry.Content.Length, Inode = entry.Inode, Device = 1, Links = entry.Links, LinkTarget = entry.LinkTarget,
            };
            if (entry.Type == TreeNode.Directory) node.Subtree = (await SaveTreeAsync(store, saver, entry.Children)).ToString();
            if (entry.Type == TreeNode.File) node.Content = await SaveContentAsync(store, saver, entry.Content);
            nodes.Add(node);
        }
        var bytes = JsonSerializer.SerializeToUtf8Bytes(new Tree { Nodes = nodes }, EngineJsonContext.Default.Tree);
        var id = store.Keys.IdHasher.Hash(bytes);
        await saver.SaveAsync(id, BlobType.Tree, bytes, CancellationToken.None);
        return id;
    }

    private static async Task<List<string>> SaveContentAsync(RepositoryStore store, BlobSaver saver, byte[] content)
    {
        var ids = new List<string>();
        for (var offset = 0; offset < content.Length; offset += HostileEntry.BlobSize)
        {
            var part = content.AsMemory(offset, Math.Min(HostileEntry.BlobSize, content.Length - offset));
            var id = store.Keys.IdHasher.Hash(part.Span);
            await saver.SaveAsync(id, BlobType.Data, part, CancellationToken.None);
            ids.Add(id.ToString());
        }
        return ids;
    }
}

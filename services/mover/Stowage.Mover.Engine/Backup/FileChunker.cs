using Stowage.Mover.Engine.FileSystem;
using Stowage.Mover.Engine.Repository;
using Stowage.Mover.Engine.Snapshots;
using Stowage.Mover.Engine.Telemetry;

namespace Stowage.Mover.Engine.Backup;

/// <summary>
/// Reads one file at a time, hashing each chunk and handing it to the saver: through the content-defined chunker,
/// or, for a file at or above the repository's block threshold, in fixed blocks (<see cref="BlockChunker"/>).
/// </summary>
internal sealed class FileChunker(RepositoryKeys keys, BlobSaver saver, BackupCounters counters, ChangedBlockSource? changes = null)
{
    private const int ReadSize = 1024 * 1024;
    private readonly int _max = keys.Chunker.Parameters.Max;
    private byte[] _buffer = [];
    private BlockChunker? _blocks;

    /// <summary>Sets the node's content (or content lists) from the file at path, which must still be the file the
    /// walk listed (node's inode and device). With the parent's node of a file that changed-block tracking covers,
    /// only the blocks its ranges name are read.</summary>
    public async Task ChunkAsync(FileJob job, CancellationToken cancellationToken)
    {
        var (path, node, device) = (job.Path, job.Node, job.BlockDevice);
        if (keys.Config.Blocks is { } blocks && node.Size >= blocks.Threshold)
        {
            _blocks ??= new BlockChunker(keys, saver, counters, blocks.Size);
            if (job.Tracked && changes is not null && await changes.TryChunkAsync(_blocks, path, node, job.Parent, cancellationToken) is { } lists)
                node.ContentLists = lists;
            else node.ContentLists = await _blocks.ChunkAsync(path, node, cancellationToken, device);
        }
        else node.Content = await ChunkDefinedAsync(path, node, device, cancellationToken);
    }

    private async Task<List<string>> ChunkDefinedAsync(string path, TreeNode listed, bool device, CancellationToken cancellationToken)
    {
        var content = new List<string>();
        // Allocated on first use (an unchanged backup reads no file), at exact size: a pool would round it up.
        if (_buffer.Length == 0) _buffer = GC.AllocateUninitializedArray<byte>(_max + ReadSize);
        using var handle = ListedFile.Open(path, listed, device);
        long fileOffset = 0;
        int start = 0, end = 0;
        var endOfFile = false;
        while (true)
        {
            while (!endOfFile && end - start < _max)
            {
                if (_buffer.Length - end < ReadSize)
                {
                    _buffer.AsSpan(start, end - start).CopyTo(_buffer);
                    end -= start;
                    start = 0;
                }
                var read = RandomAccess.Read(handle, _buffer.AsSpan(end, _buffer.Length - end), fileOffset);
                if (read == 0) endOfFile = true;
                end += read;
                fileOffset += read;
            }
            if (start == end) break;
            var cut = keys.Chunker.NextCut(_buffer.AsSpan(start, end - start));
            var id = keys.IdHasher.Hash(_buffer.AsSpan(start, cut));
            content.Add(id.ToString());
            await saver.SaveAsync(id, BlobType.Data, _buffer.AsMemory(start, cut), cancellationToken);
            Interlocked.Add(ref counters.BytesDone, cut);
            start += cut;
        }
        counters.CountRead(fileOffset);
        return content;
    }
}

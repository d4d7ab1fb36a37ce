using Stowage.Mover.Engine.Repository;
using Stowage.Mover.Engine.Snapshots;

namespace Stowage.Mover.Engine.Backup;

/// <summary>
/// Cuts a large file into fixed blocks at multiples of the block size, so a page rewritten in place changes one
/// block and nothing around it; hashes them, hands them to the saver a read at a time, and stores their ids as
/// content lists of <see cref="ContentList.Fanout"/> ids each.
/// </summary>
internal sealed class BlockChunker(RepositoryKeys keys, BlobSaver saver, BackupCounters counters, int blockSize)
{
    private const int ReadSize = 1024 * 1024;
    private readonly byte[] _buffer = GC.AllocateUninitializedArray<byte>(ReadSize);
    private readonly BlobId[] _readIds = new BlobId[ReadSize / blockSize];

    /// <summary>The ids of the file's content lists; the file must still be the one the walk listed.</summary>
    public async Task<List<string>> ChunkAsync(string path, TreeNode listed, CancellationToken cancellationToken)
    {
        var lists = new List<string>();
        var list = new List<BlobId>(ContentList.Fanout);
        using var handle = ListedFile.Open(path, listed);
        long fileOffset = 0;
        while (true)
        {
            var filled = Fill(handle, fileOffset);
            if (filled == 0) break;
            var blocks = (filled + blockSize - 1) / blockSize;
            HashBlocks(filled, blocks);
            await saver.SaveBlocksAsync(_buffer.AsMemory(0, filled), blockSize, _readIds.AsSpan(0, blocks), cancellationToken);
            Interlocked.Add(ref counters.BytesDone, filled);
            fileOffset += filled;
            for (var i = 0; i < blocks; i++)
            {
                list.Add(_readIds[i]);
                if (list.Count == ContentList.Fanout) lists.Add(await SaveListAsync(list, cancellationToken));
            }
            if (filled < _buffer.Length) break;
        }
        if (list.Count > 0) lists.Add(await SaveListAsync(list, cancellationToken));
        counters.CountRead(fileOffset);
        return lists;
    }

    /// <summary>
    /// Hashes the read's blocks on every core: one large file has one reader, and hashing 32 KiB inputs one after
    /// another on it left the sealers waiting (initial backup of a 1.5 GiB file: one core busy, twice the time).
    /// </summary>
    private void HashBlocks(int filled, int blocks) =>
        Parallel.For(0, blocks, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
            _readIds[i] = keys.IdHasher.Hash(_buffer.AsSpan(i * blockSize, Math.Min(blockSize, filled - i * blockSize))));

    /// <summary>Reads until the buffer is full or the file ends (a short read is not the end), so blocks stay aligned.</summary>
    private int Fill(Microsoft.Win32.SafeHandles.SafeFileHandle handle, long fileOffset)
    {
        var filled = 0;
        while (filled < _buffer.Length)
        {
            var read = RandomAccess.Read(handle, _buffer.AsSpan(filled), fileOffset + filled);
            if (read == 0) break;
            filled += read;
        }
        return filled;
    }

    private async Task<string> SaveListAsync(List<BlobId> list, CancellationToken cancellationToken)
    {
        var bytes = ContentList.Write(list);
        list.Clear();
        var id = keys.IdHasher.Hash(bytes);
        await saver.SaveAsync(id, BlobType.Tree, bytes, cancellationToken);
        return id.ToString();
    }
}

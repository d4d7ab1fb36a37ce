using Microsoft.Win32.SafeHandles;
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
    private readonly BlobId?[] _expected = new BlobId?[ReadSize / blockSize];
    private readonly bool[] _read = new bool[ReadSize / blockSize];

    public int BlockSize => blockSize;

    /// <summary>Ids of blocks of zeros, for blocks no allocated range names.</summary>
    public IKnownBlocks Zeros() => new ZeroBlocks(keys, saver, blockSize);

    /// <summary>The ids of the file's content lists; the file must still be the one the walk listed.</summary>
    public async Task<List<string>> ChunkAsync(string path, TreeNode listed, CancellationToken cancellationToken, bool blockDevice = false)
    {
        var lists = new ListWriter(keys, saver, _readIds);
        using var handle = ListedFile.Open(path, listed, blockDevice);
        long fileOffset = 0;
        while (true)
        {
            var filled = Fill(handle, fileOffset, _buffer);
            if (filled == 0) break;
            var blocks = (filled + blockSize - 1) / blockSize;
            HashBlocks(filled, 0, blocks);
            await saver.SaveBlocksAsync(_buffer.AsMemory(0, filled), blockSize, _readIds.AsSpan(0, blocks), cancellationToken);
            Interlocked.Add(ref counters.BytesDone, filled);
            fileOffset += filled;
            await lists.AddAsync(blocks, cancellationToken);
            if (filled < _buffer.Length) break;
        }
        counters.CountRead(fileOffset);
        return await lists.CompleteAsync(cancellationToken);
    }

    /// <summary>
    /// The ids of the file's content lists, reading only the blocks the changes touch, the blocks whose id is not
    /// known (the parent has no equal-length block there), and the sample; every other id is the known one. A
    /// sampled block whose hash is not the known id proves the changes wrong (<see cref="ChangedBlocksRefutedException"/>).
    /// </summary>
    public async Task<List<string>> ChunkChangedAsync(string path, TreeNode listed, IKnownBlocks known, ChangedRangeCursor changes,
        IReadOnlySet<long> sample, CancellationToken cancellationToken)
    {
        var lists = new ListWriter(keys, saver, _readIds);
        // Only a tracked file comes here, and the block device of a tracked volume is one.
        using var handle = ListedFile.Open(path, listed, blockDevice: true);
        var size = listed.Size;
        var blocks = (size + blockSize - 1) / blockSize;
        long done = 0;
        try
        {
            for (long first = 0; first < blocks; first += _readIds.Length)
            {
                var count = (int)Math.Min(_readIds.Length, blocks - first);
                for (var i = 0; i < count; i++)
                {
                    var block = first + i;
                    var id = await known.IdAsync(block, (int)Math.Min(blockSize, size - block * blockSize), cancellationToken);
                    var changed = await changes.IsChangedAsync(block, cancellationToken);
                    _read[i] = changed || id is null || sample.Contains(block);
                    _expected[i] = changed ? null : id;
                    if (!_read[i]) _readIds[i] = id!.Value;
                }
                for (var i = 0; i < count;)
                {
                    if (!_read[i]) { i++; continue; }
                    var end = i;
                    while (end < count && _read[end]) end++;
                    await ReadRunAsync(handle, path, first, i, end, size, cancellationToken);
                    i = end;
                }
                var window = Math.Min((long)count * blockSize, size - first * blockSize);
                Interlocked.Add(ref counters.BytesDone, window);
                done += window;
                await lists.AddAsync(count, cancellationToken);
            }
        }
        catch
        {
            // The file is read again in full (or skipped); its progress starts over.
            Interlocked.Add(ref counters.BytesDone, -done);
            throw;
        }
        return await lists.CompleteAsync(cancellationToken);
    }

    /// <summary>Reads, hashes, checks and saves blocks first+from to first+end (exclusive), one contiguous read.</summary>
    private async Task ReadRunAsync(SafeFileHandle handle, string path, long first, int from, int end, long size, CancellationToken cancellationToken)
    {
        var offset = (first + from) * blockSize;
        var length = (int)Math.Min((long)(end - from) * blockSize, size - offset);
        var filled = Fill(handle, offset, _buffer.AsSpan(0, length));
        counters.CountRead(filled);
        if (filled < length) throw new IOException($"'{path}' shrank while it was read.");
        HashBlocks(length, from, end - from);
        for (var i = from; i < end; i++)
        {
            if (_expected[i] is { } expected && expected != _readIds[i]) throw new ChangedBlocksRefutedException(first + i);
        }
        await saver.SaveBlocksAsync(_buffer.AsMemory(0, length), blockSize, _readIds.AsSpan(from, end - from), cancellationToken);
    }

    /// <summary>
    /// Hashes the blocks at the buffer's start into the ids from firstId on every core: one large file has one
    /// reader, and hashing 32 KiB inputs one after another on it left the sealers waiting (initial backup of a 1.5 GiB file: one core busy, twice the time).
    /// </summary>
    private void HashBlocks(int length, int firstId, int count) =>
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
            _readIds[firstId + i] = keys.IdHasher.Hash(_buffer.AsSpan(i * blockSize, Math.Min(blockSize, length - i * blockSize))));

    /// <summary>Reads until the span is full or the file ends (a short read is not the end), so blocks stay aligned.</summary>
    private static int Fill(SafeFileHandle handle, long fileOffset, Span<byte> into)
    {
        var filled = 0;
        while (filled < into.Length)
        {
            var read = RandomAccess.Read(handle, into[filled..], fileOffset + filled);
            if (read == 0) break;
            filled += read;
        }
        return filled;
    }

    /// <summary>Collects the ids of each window into content lists, saving each list as it fills.</summary>
    private sealed class ListWriter(RepositoryKeys keys, BlobSaver saver, BlobId[] window)
    {
        private readonly List<string> _lists = [];
        private readonly List<BlobId> _list = new(ContentList.Fanout);

        public async Task AddAsync(int blocks, CancellationToken cancellationToken)
        {
            for (var i = 0; i < blocks; i++)
            {
                _list.Add(window[i]);
                if (_list.Count == ContentList.Fanout) await SaveAsync(cancellationToken);
            }
        }

        public async Task<List<string>> CompleteAsync(CancellationToken cancellationToken)
        {
            if (_list.Count > 0) await SaveAsync(cancellationToken);
            return _lists;
        }

        private async Task SaveAsync(CancellationToken cancellationToken)
        {
            var bytes = ContentList.Write(_list);
            _list.Clear();
            var id = keys.IdHasher.Hash(bytes);
            await saver.SaveAsync(id, BlobType.Tree, bytes, cancellationToken);
            _lists.Add(id.ToString());
        }
    }
}

using Stowage.Mover.Engine.Repository;

namespace Stowage.Mover.Engine.Backup;

/// <summary>
/// Blocks that hold no data (outside every range CSI GetMetadataAllocated names) read as zeros; their id is the id
/// of a block of zeros, hashed and stored once. A short last block is read.
/// </summary>
internal sealed class ZeroBlocks(RepositoryKeys keys, BlobSaver saver, int blockSize) : IKnownBlocks
{
    private BlobId? _zero;

    public async ValueTask<BlobId?> IdAsync(long block, int length, CancellationToken cancellationToken)
    {
        if (length != blockSize) return null;
        if (_zero is { } known) return known;
        var zeros = new byte[blockSize];
        var id = keys.IdHasher.Hash(zeros);
        await saver.SaveAsync(id, BlobType.Data, zeros, cancellationToken);
        _zero = id;
        return id;
    }
}

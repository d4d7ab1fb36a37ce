namespace Stowage.Mover.Engine.Backup;

/// <summary>Block ids known without reading the block: from the parent snapshot, or the id of a block of zeros.</summary>
internal interface IKnownBlocks
{
    /// <summary>The id of the block of this length, asked in ascending order; null when it must be read.</summary>
    ValueTask<BlobId?> IdAsync(long block, int length, CancellationToken cancellationToken);
}

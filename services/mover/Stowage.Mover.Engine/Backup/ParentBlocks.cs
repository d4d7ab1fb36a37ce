using Stowage.Mover.Engine.Repository;
using Stowage.Mover.Engine.Snapshots;

namespace Stowage.Mover.Engine.Backup;

/// <summary>
/// The block ids of a file's node in the parent snapshot, asked in ascending order; its content lists are loaded one
/// at a time as the reader reaches them, so a volume's whole list is never in memory.
/// </summary>
internal sealed class ParentBlocks : IKnownBlocks
{
    private readonly TreeLoader _trees;
    private readonly TreeNode _node;
    private readonly int _blockSize;
    private readonly long _count;
    private BlobId[] _list = [];
    private long _listIndex = -1;

    public ParentBlocks(TreeLoader trees, TreeNode node, int blockSize)
    {
        _trees = trees;
        _node = node;
        _blockSize = blockSize;
        _count = (node.Size + blockSize - 1) / blockSize;
        if (node.ContentLists is not { } lists || lists.Count != (_count + ContentList.Fanout - 1) / ContentList.Fanout)
            throw new RepositoryDamagedException($"The parent's node of '{node.Name}' does not list {_count} blocks.");
    }

    /// <summary>The parent's id of the block, or null when the parent has no block of this length there.</summary>
    public async ValueTask<BlobId?> IdAsync(long block, int length, CancellationToken cancellationToken)
    {
        if (block >= _count || length != Math.Min(_blockSize, _node.Size - block * _blockSize)) return null;
        var index = block / ContentList.Fanout;
        if (index != _listIndex)
        {
            var hex = _node.ContentLists![(int)index];
            if (!BlobId.TryParse(hex, out var id)) throw new RepositoryDamagedException($"Content list id '{hex}' of '{_node.Name}' is not an id.");
            _list = await _trees.LoadContentListAsync(id, cancellationToken);
            if (_list.Length != Math.Min(ContentList.Fanout, _count - index * ContentList.Fanout))
                throw new RepositoryDamagedException($"Content list {id.ToShortString()} of '{_node.Name}' holds {_list.Length} ids.");
            _listIndex = index;
        }
        return _list[block % ContentList.Fanout];
    }
}

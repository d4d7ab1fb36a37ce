namespace Stowage.Mover.Engine.Indexing;

/// <summary>The sorted part of a <see cref="RepositoryIndex"/>, whatever its entries hold (see <see cref="SortedBlobTable{TEntry}"/>).</summary>
internal interface IBlobTable
{
    long Count { get; }

    /// <summary>Bytes its entries take in memory, room for more included.</summary>
    long Bytes { get; }

    /// <summary>Whether entries hold whole ids; if not, ids that share a key are not told apart.</summary>
    bool HoldsIds { get; }

    /// <summary>The first entry with the id's key (entries of one key stay in the order they were added).</summary>
    bool TryFind(BlobId id, out IndexEntry entry);

    /// <summary>The entry's place in key order, from 0 to Count - 1; -1 when absent. Stable until the next Merge.</summary>
    long PositionOf(BlobId id);

    /// <summary>The entry at a place in key order (see PositionOf); only for a table that holds ids.</summary>
    IndexEntry EntryAt(long position);

    /// <summary>Every entry's pack number, in key order.</summary>
    IEnumerable<int> PackNumbers();

    /// <summary>Adds entries in any order; those of one id stay in the order given, behind any already held.</summary>
    void Merge(IndexEntry[] added);
}

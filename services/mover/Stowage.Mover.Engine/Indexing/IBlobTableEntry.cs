namespace Stowage.Mover.Engine.Indexing;

/// <summary>What a <see cref="SortedBlobTable{TEntry}"/> keeps per blob: a key in id order and where the blob is.</summary>
internal interface IBlobTableEntry<TSelf> where TSelf : struct, IBlobTableEntry<TSelf>
{
    /// <summary>Bytes per entry in memory.</summary>
    static abstract int Bytes { get; }

    /// <summary>Whether the key is the whole id (false: a prefix, so distinct ids may share a key).</summary>
    static abstract bool HoldsIds { get; }

    static abstract TSelf From(IndexEntry entry);

    /// <summary>The id's first 8 bytes (its shard and most of its order).</summary>
    ulong Prefix { get; }

    int Pack { get; }

    uint Offset { get; }

    /// <summary>Negative when this entry's key comes before the id's, 0 when the id has this key.</summary>
    int CompareTo(BlobId id);

    int CompareKeyTo(TSelf other);

    /// <summary>The blob's entry, given an id that has this entry's key (an entry that holds its id ignores it).</summary>
    IndexEntry ToIndexEntry(BlobId id);
}

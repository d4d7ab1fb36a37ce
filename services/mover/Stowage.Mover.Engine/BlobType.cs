namespace Stowage.Mover.Engine;

/// <summary>What a blob in a pack holds.</summary>
public enum BlobType : byte
{
    /// <summary>A chunk of file content.</summary>
    Data = 1,
    /// <summary>A serialized directory listing.</summary>
    Tree = 2,
}

namespace Stowage.Mover.Engine.Packs;

/// <summary>Where one blob sits inside a pack file.</summary>
internal readonly record struct PackEntry(BlobId Id, BlobType Type, bool Compressed, uint Offset, uint Length, uint RawLength);

/// <summary>A pack file and the blobs it holds.</summary>
internal sealed record PackDescriptor(BlobId PackId, long Size, IReadOnlyList<PackEntry> Entries);

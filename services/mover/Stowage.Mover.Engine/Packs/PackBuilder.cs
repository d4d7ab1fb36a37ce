using System.Buffers.Binary;
using Stowage.Mover.Engine.Crypto;

namespace Stowage.Mover.Engine.Packs;

/// <summary>
/// Writes sealed blobs into a local spill file, hashing as it goes; Finish appends the sealed header (so a pack
/// describes itself and an index can be rebuilt from packs) and its 4-byte length. Packs never sit in memory
/// whole, so memory does not grow with pack size or upload concurrency.
/// </summary>
internal sealed class PackBuilder : IDisposable
{
    internal static readonly byte[] HeaderAssociatedData = "stowage/v1/pack-header"u8.ToArray();

    private readonly FileStream _file;
    // Not readonly: Hasher is a mutable struct, and Dispose on a readonly field would clear a copy, so a second
    // Dispose would free the native state again.
    private Blake3.Hasher _hasher = Blake3.Hasher.New();
    private readonly List<PackEntry> _entries = [];
    private bool _finished;

    public PackBuilder(string spillDirectory)
    {
        Directory.CreateDirectory(spillDirectory);
        SpillPath = Path.Combine(spillDirectory, $"pack-{Guid.NewGuid():N}");
        _file = new FileStream(SpillPath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
    }

    public string SpillPath { get; }
    public long Length { get; private set; }
    public int Count => _entries.Count;

    public void Add(BlobId id, BlobType type, bool compressed, int rawLength, ReadOnlySpan<byte> sealedBlob)
    {
        _file.Write(sealedBlob);
        _hasher.Update(sealedBlob);
        _entries.Add(new PackEntry(id, type, compressed, checked((uint)Length), (uint)sealedBlob.Length, (uint)rawLength));
        Length += sealedBlob.Length;
    }

    /// <summary>Completes the pack; the returned stream reads it from the start and deletes the spill file when disposed.</summary>
    public (Stream Content, PackDescriptor Descriptor) Finish(AuthenticatedCipher cipher, bool durable)
    {
        if (_finished) throw new InvalidOperationException("The pack is already finished.");
        _finished = true;
        var header = PackEntryCodec.WriteAll(_entries);
        var trailer = new byte[AuthenticatedCipher.SealedLength(header.Length) + 4];
        cipher.Seal(header, HeaderAssociatedData, trailer.AsSpan(0, trailer.Length - 4));
        BinaryPrimitives.WriteUInt32LittleEndian(trailer.AsSpan(trailer.Length - 4), (uint)(trailer.Length - 4));
        _file.Write(trailer);
        _hasher.Update(trailer);
        Length += trailer.Length;
        _file.Flush(flushToDisk: durable);
        Span<byte> hash = stackalloc byte[BlobId.Size];
        _hasher.Finalize(hash);
        _file.Position = 0;
        return (_file, new PackDescriptor(new BlobId(hash), Length, _entries.ToArray()));
    }

    public void Dispose()
    {
        _hasher.Dispose();
        _file.Dispose();
    }
}

using System.Buffers;
using System.Buffers.Binary;
using Stowage.Mover.Engine.Crypto;

namespace Stowage.Mover.Engine.Packs;

/// <summary>
/// Collects sealed blobs into one pack buffer; Finish appends the sealed header (so a pack describes itself
/// and an index can be rebuilt from packs) and its 4-byte length.
/// </summary>
internal sealed class PackBuilder(int capacity)
{
    internal static readonly byte[] HeaderAssociatedData = "stowage/v1/pack-header"u8.ToArray();

    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(capacity);
    private readonly List<PackEntry> _entries = [];

    public int Length { get; private set; }
    public int Count => _entries.Count;

    public void Add(BlobId id, BlobType type, bool compressed, int rawLength, ReadOnlySpan<byte> sealedBlob)
    {
        EnsureCapacity(Length + sealedBlob.Length);
        sealedBlob.CopyTo(_buffer.AsSpan(Length));
        _entries.Add(new PackEntry(id, type, compressed, (uint)Length, (uint)sealedBlob.Length, (uint)rawLength));
        Length += sealedBlob.Length;
    }

    /// <summary>Returns the finished pack in a rented buffer; the caller returns it to the shared pool.</summary>
    public (byte[] Buffer, int Length, PackDescriptor Descriptor) Finish(AuthenticatedCipher cipher)
    {
        var header = PackEntryCodec.WriteAll(_entries);
        var sealedLength = AuthenticatedCipher.SealedLength(header.Length);
        EnsureCapacity(Length + sealedLength + 4);
        cipher.Seal(header, HeaderAssociatedData, _buffer.AsSpan(Length, sealedLength));
        BinaryPrimitives.WriteUInt32LittleEndian(_buffer.AsSpan(Length + sealedLength), (uint)sealedLength);
        var total = Length + sealedLength + 4;
        var packId = BlobId.HashOf(_buffer.AsSpan(0, total));
        var buffer = _buffer;
        _buffer = [];
        return (buffer, total, new PackDescriptor(packId, total, _entries.ToArray()));
    }

    private void EnsureCapacity(int needed)
    {
        if (needed <= _buffer.Length) return;
        var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, _buffer.Length * 2));
        _buffer.AsSpan(0, Length).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = bigger;
    }
}

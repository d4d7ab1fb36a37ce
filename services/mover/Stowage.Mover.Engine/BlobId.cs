using System.Buffers.Binary;

namespace Stowage.Mover.Engine;

/// <summary>A 256-bit identifier: a keyed BLAKE3 hash for blobs, a plain BLAKE3 hash for stored files.</summary>
public readonly struct BlobId : IEquatable<BlobId>, IComparable<BlobId>
{
    /// <summary>Length of an id in bytes.</summary>
    public const int Size = 32;

    private readonly ulong _a, _b, _c, _d;

    /// <summary>Reads an id from exactly 32 bytes.</summary>
    public BlobId(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Size) throw new ArgumentException("An id is 32 bytes.", nameof(bytes));
        _a = BinaryPrimitives.ReadUInt64BigEndian(bytes);
        _b = BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]);
        _c = BinaryPrimitives.ReadUInt64BigEndian(bytes[16..]);
        _d = BinaryPrimitives.ReadUInt64BigEndian(bytes[24..]);
    }

    /// <summary>The first 8 bytes as a number: ids are uniform hashes, so its top bits spread ids evenly.</summary>
    internal ulong Prefix => _a;

    /// <summary>Bytes 8 to 11 as a number: with <see cref="Prefix"/>, the 96-bit key of a lookup index.</summary>
    internal uint SecondWordHigh => (uint)(_b >> 32);

    /// <summary>Writes the id's 32 bytes.</summary>
    public void WriteTo(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt64BigEndian(destination, _a);
        BinaryPrimitives.WriteUInt64BigEndian(destination[8..], _b);
        BinaryPrimitives.WriteUInt64BigEndian(destination[16..], _c);
        BinaryPrimitives.WriteUInt64BigEndian(destination[24..], _d);
    }

    /// <summary>The id as 32 bytes.</summary>
    public byte[] ToBytes()
    {
        var bytes = new byte[Size];
        WriteTo(bytes);
        return bytes;
    }

    /// <summary>Parses 64 lowercase or uppercase hex digits.</summary>
    public static BlobId Parse(string hex) => new(Convert.FromHexString(hex));

    /// <summary>Parses hex digits, returning false on malformed input.</summary>
    public static bool TryParse(string? hex, out BlobId id)
    {
        id = default;
        if (hex is null || hex.Length != Size * 2) return false;
        Span<byte> bytes = stackalloc byte[Size];
        if (Convert.FromHexString(hex, bytes, out _, out var written) != System.Buffers.OperationStatus.Done || written != Size) return false;
        id = new BlobId(bytes);
        return true;
    }

    /// <summary>Hashes data with plain (unkeyed) BLAKE3.</summary>
    public static BlobId HashOf(ReadOnlySpan<byte> data)
    {
        Span<byte> hash = stackalloc byte[Size];
        Blake3.Hasher.Hash(data, hash);
        return new BlobId(hash);
    }

    /// <inheritdoc />
    public override string ToString()
    {
        Span<byte> bytes = stackalloc byte[Size];
        WriteTo(bytes);
        return Convert.ToHexStringLower(bytes);
    }

    /// <summary>The first 8 hex digits, for display.</summary>
    public string ToShortString() => ToString()[..8];

    /// <inheritdoc />
    public bool Equals(BlobId other) => _a == other._a && _b == other._b && _c == other._c && _d == other._d;
    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is BlobId other && Equals(other);
    /// <inheritdoc />
    public override int GetHashCode() => (int)_a ^ (int)(_a >> 32);
    /// <inheritdoc />
    public int CompareTo(BlobId other)
    {
        var c = _a.CompareTo(other._a);
        if (c != 0) return c;
        c = _b.CompareTo(other._b);
        if (c != 0) return c;
        c = _c.CompareTo(other._c);
        return c != 0 ? c : _d.CompareTo(other._d);
    }
    /// <summary>Equality.</summary>
    public static bool operator ==(BlobId left, BlobId right) => left.Equals(right);
    /// <summary>Inequality.</summary>
    public static bool operator !=(BlobId left, BlobId right) => !left.Equals(right);
}

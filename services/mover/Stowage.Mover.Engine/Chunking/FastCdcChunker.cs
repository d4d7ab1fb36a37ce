using System.Numerics;
using System.Security.Cryptography;

namespace Stowage.Mover.Engine.Chunking;

/// <summary>
/// FastCDC (Xia et al., 2016) with normalized chunking. The gear table is derived from the repository's
/// chunker seed so chunk boundaries cannot be used to fingerprint known files across repositories.
/// </summary>
internal sealed class FastCdcChunker
{
    private readonly ulong[] _gear = new ulong[256];
    private readonly ulong _maskSmall;
    private readonly ulong _maskLarge;

    public FastCdcChunker(ChunkerParameters parameters, byte[] seed)
    {
        parameters.Validate();
        Parameters = parameters;
        var table = HKDF.DeriveKey(HashAlgorithmName.SHA256, seed, 256 * sizeof(ulong), info: "stowage/v1/gear"u8.ToArray());
        for (var i = 0; i < 256; i++) _gear[i] = BitConverter.ToUInt64(table, i * sizeof(ulong));
        var bits = BitOperations.Log2((uint)parameters.Average);
        // Top bits of a left-shifting gear hash depend on the last 64 bytes only.
        _maskSmall = ~0UL << (64 - (bits + parameters.Normalization));
        _maskLarge = ~0UL << (64 - (bits - parameters.Normalization));
    }

    public ChunkerParameters Parameters { get; }

    /// <summary>
    /// Length of the next chunk at the start of data. Unless data holds the rest of the stream,
    /// it must hold at least Max bytes so the cut is content-defined.
    /// </summary>
    public int NextCut(ReadOnlySpan<byte> data)
    {
        var length = data.Length;
        if (length <= Parameters.Min) return length;
        if (length > Parameters.Max) length = Parameters.Max;
        var normal = Math.Min(Parameters.Average, length);
        var gear = _gear;
        ulong hash = 0;
        var i = Parameters.Min;
        for (; i < normal; i++)
        {
            hash = (hash << 1) + gear[data[i]];
            if ((hash & _maskSmall) == 0) return i + 1;
        }
        for (; i < length; i++)
        {
            hash = (hash << 1) + gear[data[i]];
            if ((hash & _maskLarge) == 0) return i + 1;
        }
        return length;
    }
}

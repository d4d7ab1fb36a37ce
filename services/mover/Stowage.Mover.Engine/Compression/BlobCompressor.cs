using ZstdNet;

namespace Stowage.Mover.Engine.Compression;

/// <summary>
/// zstd through the reference C library (ZstdNet's native binding; about twice the managed port's speed).
/// The result is kept only when it is smaller. Whole blobs are tried, not samples: zstd passes over
/// incompressible data at several GB/s, and a sample misjudges blobs that are part text, part random.
/// </summary>
internal sealed class BlobCompressor(int level) : IDisposable
{
    // Native contexts are not thread-safe; one per thread, freed with the repository.
    private readonly ThreadLocal<Compressor> _compressor = new(() => new Compressor(new CompressionOptions(level)), trackAllValues: true);
    private readonly ThreadLocal<Decompressor> _decompressor = new(() => new Decompressor(), trackAllValues: true);

    public static int MaxCompressedLength(int length) => Compressor.GetCompressBound(length);

    /// <summary>The size the frame says it decompresses to; frames written here always record it.</summary>
    public static ulong DecompressedSize(ReadOnlySpan<byte> compressed) => Decompressor.GetDecompressedSize(compressed);

    /// <summary>Compresses into output and returns the length, or returns -1 when storing raw is no larger.</summary>
    public int TryCompress(ReadOnlySpan<byte> data, Span<byte> output)
    {
        if (data.Length < 64) return -1;
        var written = _compressor.Value!.Wrap(data, output);
        return written < data.Length ? written : -1;
    }

    public int Decompress(ReadOnlySpan<byte> compressed, Span<byte> output) => _decompressor.Value!.Unwrap(compressed, output, bufferSizePrecheck: false);

    /// <summary>Frees the native contexts; the runs that used them must have ended (a later use throws ObjectDisposedException).</summary>
    public void Dispose()
    {
        var compressors = _compressor.Values;
        var decompressors = _decompressor.Values;
        _compressor.Dispose();
        _decompressor.Dispose();
        foreach (var compressor in compressors) compressor.Dispose();
        foreach (var decompressor in decompressors) decompressor.Dispose();
    }
}
